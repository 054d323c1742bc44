using System.Buffers;
using Tarn.Load.Api;
using Tarn.Load.Running;
using Tarn.Load.Server;

namespace Tarn.Load.Baselines;

/// <summary>
/// An HTTP baseline: the same kind of request as the scenario (same client settings, same body size) against
/// <see cref="BareKestrelServer"/> in a child process, so the ratio shows what Tarn's own work costs.
/// </summary>
internal sealed class BareHttpBaseline(BaselineKind kind, long objectSize, int parallelism) : IWorkload
{
    private ChildProcess? _server;
    private HttpClient? _http;
    private string? _directory;

    public string Name => kind switch
    {
        BaselineKind.BareGet => "bare-get",
        BaselineKind.BarePut => "bare-put",
        _ => "static-file",
    };

    public long BytesPerOperation => kind == BaselineKind.BareGet ? Math.Min(objectSize, BareKestrelServer.MaxArrayPayload) : objectSize;

    public long Capacity => long.MaxValue;

    public async Task SetupAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Find();
        List<string> arguments = ["baseline-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--object-size", objectSize.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (kind == BaselineKind.StaticFile)
        {
            _directory = Directory.CreateTempSubdirectory("tarn-load-static-").FullName;
            var file = Path.Combine(_directory, "object");
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, useAsync: true))
            {
                await new GeneratedStream(objectSize).CopyToAsync(output, 1024 * 1024, cancellationToken);
            }

            arguments.AddRange(["--static-file", file]);
        }

        _server = ChildProcess.Start(SelfExecutable.Path, arguments, new Dictionary<string, string>());
        var address = new Uri($"http://127.0.0.1:{port}/");
        await ReadinessProbe.WaitAsync(_server, new Uri(address, "health"), "the baseline server", TimeSpan.FromSeconds(30), cancellationToken);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, parallelism), UseCookies = false })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var http = _http ?? throw new InvalidOperationException("SetupAsync first");
        if (kind == BaselineKind.BarePut)
        {
            using var content = Payloads.Create(objectSize);
            using var put = await http.PutAsync("put", content, cancellationToken);
            put.EnsureSuccessStatusCode();
            return;
        }

        using var response = await http.GetAsync(kind == BaselineKind.BareGet ? "get" : "static", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
