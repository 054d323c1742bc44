using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tarn.Server.Configuration;
using Tarn.Server.Hosting;

namespace Tarn.Testing;

/// <summary>
/// A real Tarn server for tests: the production composition root on a real Kestrel socket at
/// 127.0.0.1 with a random port, SQLite and local disk in a fresh temporary folder, configured through
/// the same lakeFS configuration loader as production (as <c>LAKEFS_*</c> variables).
/// </summary>
public sealed class TarnTestServer : IAsyncDisposable
{
    private readonly TarnServer _server;

    private TarnTestServer(TarnServer server, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _server = server;
        DataDirectory = dataDirectory;
        Environment = environment;
        BaseAddress = server.BaseAddress;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The configuration variables the server was started with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    internal TarnServer Server => _server;

    public IServiceProvider Services => _server.Services;

    /// <summary>
    /// Starts a server. <paramref name="configure"/> may add or replace <c>LAKEFS_*</c> variables; a
    /// <paramref name="dataDirectory"/> may be reused to restart over the same data. The server logs
    /// nowhere unless <paramref name="logging"/> adds a provider (tests that must see its exceptions).
    /// </summary>
    public static async Task<TarnTestServer> StartAsync(
        Action<Dictionary<string, string>>? configure = null,
        ConfigProfile profile = ConfigProfile.None,
        string? dataDirectory = null,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("tarn-test-").FullName;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LAKEFS_LISTEN_ADDRESS"] = "127.0.0.1:0",
            ["LAKEFS_DATABASE_TYPE"] = "local",
            ["LAKEFS_DATABASE_LOCAL_PATH"] = Path.Combine(dataDirectory, "metadata"),
            ["LAKEFS_BLOCKSTORE_TYPE"] = "local",
            ["LAKEFS_BLOCKSTORE_LOCAL_PATH"] = Path.Combine(dataDirectory, "block"),
            ["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = SecretFor(dataDirectory),
            ["LAKEFS_LOGGING_LEVEL"] = "WARN",
        };
        configure?.Invoke(environment);
        var loaded = TarnConfiguration.Load(new ConfigLoadRequest
        {
            Profile = profile,
            Environment = environment,
            WorkingDirectory = dataDirectory,
            HomeDirectory = dataDirectory,
            SystemConfigDirectory = Path.Combine(dataDirectory, "etc"),
        });
        // Every test server has the container check its registrations (ValidateOnBuild, ValidateScopes) as it starts.
        var server = await TarnServer.CreateAsync(
            loaded.Settings,
            builder =>
            {
                builder.ClearProviders();
                logging?.Invoke(builder);
            },
            cancellationToken,
            validateContainer: true);
        await InstallationBootstrap.RunAsync(server.Auth, loaded.Settings, cancellationToken);
        await server.StartAsync(cancellationToken);
        return new TarnTestServer(server, dataDirectory, environment);
    }

    /// <summary>An HTTP client for the server's root (paths like <c>api/v1/user</c>), without credentials.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>An HTTP client that sends basic credentials on every request.</summary>
    public HttpClient CreateClient(string accessKeyId, string secretAccessKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(accessKeyId, secretAccessKey);
        return client;
    }

    public static AuthenticationHeaderValue Basic(string accessKeyId, string secretAccessKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accessKeyId}:{secretAccessKey}")));

    /// <summary>Runs setup over HTTP and returns the admin's keys.</summary>
    public async Task<(string AccessKeyId, string SecretAccessKey)> SetupAdminAsync(string username = "admin", CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("api/v1/setup_lakefs", new { username }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return (body.RootElement.GetProperty("access_key_id").GetString()!, body.RootElement.GetProperty("secret_access_key").GetString()!);
    }

    public async Task StopAsync()
    {
        await _server.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
    }

    /// <summary>Deletes a data folder made by <see cref="StartAsync"/> (best effort).</summary>
    public static void DeleteData(string dataDirectory)
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task: the temp folder is cleaned by the OS.
        }
    }

    // A stable secret per data folder, so a restarted server can decrypt what the first one stored.
    private static string SecretFor(string dataDirectory) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("tarn-test:" + dataDirectory)));
}
