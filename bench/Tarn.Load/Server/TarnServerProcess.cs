using System.Reflection;
using Tarn.Load.Api;

namespace Tarn.Load.Server;

/// <summary>
/// A Tarn server started for one run: <c>tarn run --quickstart</c> as a child process on a free loopback port,
/// with its metadata and block store in a temporary folder that is deleted afterwards.
/// </summary>
internal sealed class TarnServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;
    private readonly string _dataDirectory;

    private TarnServerProcess(ChildProcess child, string dataDirectory, ServerEndpoint endpoint)
    {
        _child = child;
        _dataDirectory = dataDirectory;
        Endpoint = endpoint;
    }

    public ServerEndpoint Endpoint { get; }

    /// <summary>From process start to the first successful <c>GET /_health</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Resident set size right after the server first answered (T15's idle figure).</summary>
    public long ResidentBytesAtStart { get; private set; }

    public long ResidentBytes() => _child.ResidentBytes();

    /// <param name="serverPath">The executable, or null for the build output of src/Tarn.Server.</param>
    /// <param name="prepareData">Runs on the fresh data folder before the server starts (the data set generator).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<TarnServerProcess> StartAsync(
        string? serverPath, Func<string, CancellationToken, Task>? prepareData, CancellationToken cancellationToken)
    {
        var executable = Locate(serverPath);
        var port = FreePort.Find();
        var data = Directory.CreateTempSubdirectory("tarn-load-").FullName;
        if (prepareData is not null)
        {
            try
            {
                await prepareData(data, cancellationToken);
            }
            catch
            {
                Directory.Delete(data, recursive: true);
                throw;
            }
        }

        var environment = new Dictionary<string, string>
        {
            ["LAKEFS_LISTEN_ADDRESS"] = $"127.0.0.1:{port}",
            ["LAKEFS_DATABASE_LOCAL_PATH"] = Path.Combine(data, "metadata"),
            ["LAKEFS_BLOCKSTORE_LOCAL_PATH"] = Path.Combine(data, "block"),
        };
        var child = ChildProcess.Start(executable, ["run", "--quickstart"], environment);
        var endpoint = new ServerEndpoint(new Uri($"http://127.0.0.1:{port}/"), ServerEndpoint.QuickstartAccessKeyId, ServerEndpoint.QuickstartSecretAccessKey);
        var server = new TarnServerProcess(child, data, endpoint);
        try
        {
            server.StartupTime = await ReadinessProbe.WaitAsync(child, new Uri(endpoint.BaseAddress, "_health"), "tarn", TimeSpan.FromSeconds(60), cancellationToken);
            server.ResidentBytesAtStart = child.ResidentBytes();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _child.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child: the OS temp cleaner will take it.
        }
    }

    /// <summary>
    /// The <c>tarn</c> executable: the path given, else the build output of src/Tarn.Server next to this build
    /// (same configuration), found through the path the project file recorded.
    /// </summary>
    private static string Locate(string? serverPath)
    {
        if (serverPath is not null)
        {
            return File.Exists(serverPath) ? Path.GetFullPath(serverPath) : throw new FileNotFoundException($"--server-path: no such file '{serverPath}'");
        }

        var directory = typeof(TarnServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "TarnServerDirectory")?.Value ?? "";
        foreach (var candidate in new[] { Path.Combine(directory, OperatingSystem.IsWindows() ? "tarn.exe" : "tarn"), Path.Combine(directory, "tarn.dll") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The tarn executable is not in '{directory}': build src/Tarn.Server (dotnet build bench/Tarn.Load does) or pass --server-path.");
    }
}
