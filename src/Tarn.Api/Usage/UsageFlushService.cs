using Microsoft.Extensions.Hosting;

namespace Tarn.Api.Usage;

/// <summary>Flushes the usage counter on an interval and once more at shutdown.</summary>
public sealed class UsageFlushService(UsageCounter counter, TimeSpan interval, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counter.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the final flush below still runs.
        }

        await counter.FlushAsync(CancellationToken.None);
    }
}
