using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tarn.Auth;
using Tarn.Auth.Management;
using Tarn.Catalog.Multipart;
using Tarn.Catalog.Objects;
using Tarn.Testing;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// The server under fuzz — the production composition root on a real loopback socket (<see cref="TarnTestServer"/>)
/// — and what the fuzzer puts into it before the first request: one user per key role, the fuzz and sentinel
/// repositories, sentinel objects committed on <c>main</c> with a branch and a tag on that commit (and one
/// staged sentinel), canaries, seed objects, guarded and open multipart uploads. Set up in process, so the
/// gateway sees nothing but the fuzz requests.
/// </summary>
internal sealed class FuzzWorld : IAsyncDisposable
{
    private FuzzWorld(TarnTestServer server, CapturingLoggerProvider logs, FuzzTargets targets, FuzzKey checker, Sentinels sentinels, IReadOnlyDictionary<string, byte[]> guardedParts)
    {
        Server = server;
        Logs = logs;
        Targets = targets;
        Checker = checker;
        Sentinels = sentinels;
        GuardedParts = guardedParts;
        Endpoint = new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port);
    }

    public TarnTestServer Server { get; }

    public CapturingLoggerProvider Logs { get; }

    public FuzzTargets Targets { get; }

    /// <summary>The key of the fuzzer's own health checks; no generated request uses it.</summary>
    public FuzzKey Checker { get; }

    public Sentinels Sentinels { get; }

    /// <summary>The data of each guarded upload's single part, by upload id.</summary>
    public IReadOnlyDictionary<string, byte[]> GuardedParts { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>The bytes of each canary, by path, to put a canary back after a finding.</summary>
    public required IReadOnlyDictionary<string, byte[]> CanaryData { get; init; }

    public ObjectCatalog Catalog => Server.Services.GetRequiredService<ObjectCatalog>();

    public VersionController Versions => Server.Services.GetRequiredService<VersionController>();

    public MultipartUploads Uploads => Server.Services.GetRequiredService<MultipartUploads>();

    public static async Task<FuzzWorld> StartAsync(CancellationToken cancellationToken)
    {
        var server = await TarnTestServer.StartAsync(cancellationToken: cancellationToken);
        try
        {
            var logs = new CapturingLoggerProvider();
            server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
            await server.SetupAdminAsync(cancellationToken: cancellationToken);
            var auth = server.Services.GetRequiredService<AuthService>();
            var writer = await UserAsync(auth, "fuzz-writer", KeyRole.Writer, cancellationToken);
            var checker = await UserAsync(auth, "fuzz-checker", KeyRole.Checker, cancellationToken);
            var apiUser = await UserAsync(auth, "fuzz-api", KeyRole.Writer, cancellationToken);
            var attackers = new List<FuzzKey>();
            for (var i = 0; i < 16; i++)
            {
                attackers.Add(await UserAsync(auth, "fuzz-attacker-" + (char)('a' + i), KeyRole.Attacker, cancellationToken));
            }

            var versions = server.Services.GetRequiredService<VersionController>();
            var catalog = server.Services.GetRequiredService<ObjectCatalog>();
            var uploads = server.Services.GetRequiredService<MultipartUploads>();
            await versions.CreateRepositoryAsync(new RepositoryCreation(FuzzTargets.FuzzRepository, "local://" + FuzzTargets.FuzzRepository), cancellationToken);
            var sentinels = await Sentinels.CreateAsync(versions, catalog, cancellationToken);

            var canaries = new List<(string, string)>();
            var canaryData = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var i = 0; i < 16; i++)
            {
                var data = RandomNumberGenerator.GetBytes(100 + i);
                var entry = await PutAsync(catalog, FuzzTargets.CanaryPrefix + i, data, cancellationToken);
                canaries.Add((FuzzTargets.CanaryPrefix + i, entry.Checksum));
                canaryData[FuzzTargets.CanaryPrefix + i] = data;
            }

            List<string> seeds = [.. Enumerable.Range(0, 8).Select(i => $"{FuzzTargets.FuzzPrefix}seed/{i}"), "fuzz/seed/ü 日本.txt", "fuzz/seed/a+b=c", "fuzz/seed/empty", "fuzz/seed/dir/"];
            foreach (var seed in seeds)
            {
                await PutAsync(catalog, seed, seed.EndsWith("empty", StringComparison.Ordinal) ? [] : RandomNumberGenerator.GetBytes(1000), cancellationToken);
            }

            var guarded = new List<GuardedUpload>();
            var guardedParts = new Dictionary<string, byte[]>();
            for (var i = 0; i < 8; i++)
            {
                var path = $"{FuzzTargets.RefusedPrefix}upload-{i}";
                var upload = await uploads.CreateAsync(FuzzTargets.FuzzRepository, "main", path, null, null, "fuzz-writer", cancellationToken);
                var data = RandomNumberGenerator.GetBytes(1024);
                var part = await uploads.UploadPartAsync(upload, 1, new MemoryStream(data), data.Length, cancellationToken);
                guarded.Add(new GuardedUpload(upload.UploadId, FuzzTargets.FuzzRepository, "main", path, $"1:{part.ETag}"));
                guardedParts[upload.UploadId] = data;
            }

            var open = new List<OpenUpload>();
            for (var i = 0; i < 16; i++)
            {
                var path = $"{FuzzTargets.FuzzPrefix}upload-{i}";
                var upload = await uploads.CreateAsync(FuzzTargets.FuzzRepository, "main", path, null, null, "fuzz-writer", cancellationToken);
                var parts = new List<(int, string)>();
                for (var number = 1; number <= 2; number++)
                {
                    var part = await uploads.UploadPartAsync(upload, number, new MemoryStream(RandomNumberGenerator.GetBytes(512)), 512, cancellationToken);
                    parts.Add((number, part.ETag));
                }

                open.Add(new OpenUpload(upload.UploadId, path, parts));
            }

            var targets = new FuzzTargets
            {
                Host = $"127.0.0.1:{server.BaseAddress.Port}",
                Writer = writer,
                Attackers = attackers,
                ApiUser = apiUser,
                SentinelPaths = sentinels.Paths,
                Canaries = canaries,
                SeedPaths = seeds,
                GuardedUploads = guarded,
                OpenUploads = open,
                AttackerAddresses = AttackerAddresses(),
            };
            return new FuzzWorld(server, logs, targets, checker, sentinels, guardedParts) { CanaryData = canaryData };
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        TarnTestServer.DeleteData(Server.DataDirectory);
    }

    // Fixed key ids, so a failure report names the same key in every run; each user is an admin, so only its signature stands between it and the data.
    private static async Task<FuzzKey> UserAsync(AuthService auth, string username, KeyRole role, CancellationToken cancellationToken)
    {
        var id = ("AKIA" + username.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()).PadRight(20, '0')[..20];
        var key = new FuzzKey(id, Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("tarn-fuzz:" + username)))[..40], role);
        await auth.Users.CreateAsync(new NewUser(username), cancellationToken);
        await auth.Credentials.CreateAsync(username, new AccessKeyPair(key.AccessKeyId, key.SecretAccessKey), cancellationToken);
        await auth.Groups.AddMemberAsync(BasePolicies.AdminsGroup, username, cancellationToken);
        return key;
    }

    public static Task<Tarn.Catalog.Entries.ObjectEntry> PutAsync(ObjectCatalog catalog, string path, byte[] data, CancellationToken cancellationToken) =>
        catalog.UploadAsync(FuzzTargets.FuzzRepository, "main", path, new MemoryStream(data), null, null, ifAbsent: false, data.Length, cancellationToken);

    // Linux routes all of 127.0.0.0/8 to loopback, so refused requests can come from 250 distinct clients; elsewhere from one.
    private static List<IPAddress> AttackerAddresses()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            return [.. Enumerable.Range(2, 250).Select(i => IPAddress.Parse("127.0.0." + i))];
        }
        catch (SocketException)
        {
            return [IPAddress.Loopback];
        }
    }
}
