using System.Diagnostics;

namespace Tarn.Load.Server;

/// <summary>Polls a child's HTTP endpoint until it answers 2xx, failing fast (with its output) if the child dies.</summary>
internal static class ReadinessProbe
{
    public static async Task<TimeSpan> WaitAsync(ChildProcess child, Uri probe, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"{what} exited during start-up. Its last output:{Environment.NewLine}{child.OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out; try again.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"{what} did not answer {probe} within {timeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{child.OutputTail()}");
    }
}
