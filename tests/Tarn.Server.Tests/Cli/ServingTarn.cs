using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Tarn.Server.Tests.Cli;

/// <summary>
/// <c>tarn run …</c> as a child process on a free loopback port, returned once <c>/_health</c> answers.
/// Disposing kills it.
/// </summary>
internal sealed class ServingTarn : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private ServingTarn(TarnProcess process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    public TarnProcess Process { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts <c>tarn <paramref name="arguments"/></c> with <c>LAKEFS_LISTEN_ADDRESS</c> set to a free port.</summary>
    public static async Task<ServingTarn> StartAsync(CliSandbox sandbox, params string[] arguments)
    {
        var port = LoopbackPort.Free();
        sandbox.Variables["LAKEFS_LISTEN_ADDRESS"] = $"127.0.0.1:{port}";
        var serving = new ServingTarn(TarnProcess.Start(sandbox, arguments), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await serving.WaitUntilHealthyAsync();
            return serving;
        }
        catch
        {
            await serving.DisposeAsync();
            throw;
        }
    }

    /// <summary>GET with HTTP basic authentication, as lakeFS clients send access keys.</summary>
    public async Task<(int Status, string Body)> GetAsync(string path, string accessKeyId, string secretAccessKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accessKeyId}:{secretAccessKey}")));
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var health = new Uri(BaseAddress, "_health");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(Process.HasExited, $"tarn exited before /_health answered\n{Process.Describe()}");
            try
            {
                using var response = await Http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out; the loop's own deadline decides.
            }

            Assert.True(clock.Elapsed < StartTimeout, $"/_health did not answer within {StartTimeout.TotalSeconds} s\n{Process.Describe()}");
            await Task.Delay(100, cancellationToken);
        }
    }
}
