using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tarn.Auth;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Catalog;
using Tarn.Catalog.Objects;
using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Hosting;
using Tarn.Kv;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>
/// The whole gateway over the real domain on a loopback Kestrel socket: SQLite KV and a local block store
/// in a temp directory, the versioning engine, the object catalog and the auth domain on the same KV. One
/// repository (<see cref="Repository"/>), a user with full <c>fs:*</c> access (<see cref="Key"/>) and a
/// restricted one (<see cref="RestrictedKey"/>) that may read and list everything but write and delete
/// only under <c>open/</c>, and one (<see cref="UnlistingKey"/>) that may read and write objects but list nothing.
/// </summary>
public sealed class CatalogGatewayServer : IAsyncDisposable
{
    public const string Repository = "gateway-repo";
    public const string Domain = "s3.local.lakefs.io";

    private readonly WebApplication _app;
    private readonly IKvStore _kv;
    private readonly string _directory;

    private CatalogGatewayServer(WebApplication app, IKvStore kv, string directory, ShiftedTimeProvider time)
    {
        Time = time;
        _app = app;
        _kv = kv;
        _directory = directory;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        BaseAddress = addresses.First(a => a.Scheme == "http");
        HttpsAddress = addresses.First(a => a.Scheme == "https");
        Versions = app.Services.GetRequiredService<VersionController>();
        Catalog = app.Services.GetRequiredService<ObjectCatalog>();
    }

    public Uri BaseAddress { get; }

    /// <summary>The same server over TLS, where the SDK sends unsigned aws-chunked bodies with a checksum trailer.</summary>
    public Uri HttpsAddress { get; }

    /// <summary>The server's clock (shift it to make presigned URLs expire).</summary>
    public ShiftedTimeProvider Time { get; }

    public VersionController Versions { get; }

    public ObjectCatalog Catalog { get; }

    public static AccessKeyPair Key { get; } = new("AKIAIOSFODNN7ADMIN01", "adminSecretKeyForTheGatewayTests0123456789");

    public static AccessKeyPair RestrictedKey { get; } = new("AKIAIOSFODNN7LIMITED", "limitedSecretKeyForTheGatewayTests012345678");

    public static AccessKeyPair UnlistingKey { get; } = new("AKIAIOSFODNN7NOLIST1", "unlistingSecretKeyForTheGatewayTests0123456");

    public static async Task<CatalogGatewayServer> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("tarn-gateway-").FullName;
        var time = new ShiftedTimeProvider();
        var kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(Path.Combine(directory, "kv"), syncWrites: false));
        var blocks = new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(directory, "blocks")));
        var versions = VersionController.Create(kv, blocks, time);
        var auth = new AuthService(kv, new AuthOptions { SecretKey = "gateway-tests-master-secret-0123456789" }, time);
        await CreateUserAsync(auth, "admin", Key, [Statement.Allowing("*", "fs:*")], cancellationToken);
        await CreateUserAsync(auth, "limited", RestrictedKey,
        [
            Statement.Allowing("*", "fs:Read*", "fs:List*"),
            Statement.Allowing($"arn:lakefs:fs:::repository/{Repository}/object/open/*", "fs:WriteObject", "fs:DeleteObject"),
        ], cancellationToken);
        await CreateUserAsync(auth, "unlisting", UnlistingKey,
            [Statement.Allowing("*", "fs:ReadRepository", "fs:ReadObject", "fs:WriteObject", "fs:DeleteObject")], cancellationToken);
        await versions.CreateRepositoryAsync(new RepositoryCreation(Repository, "local://" + Repository), cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = TestCertificate.Create();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IKvStore>(kv);
        services.AddSingleton<IBlockAdapter>(blocks);
        services.AddSingleton(versions);
        services.AddTarnCatalog();
        services.AddSingleton(auth.Authenticator);
        services.AddSingleton(auth.Authorizer);
        services.AddTarnS3Gateway(new GatewayOptions { DomainNames = [Domain] });

        var app = builder.Build();
        app.MapTarnS3Gateway();
        app.Run(context => context.Response.WriteAsync("api", context.RequestAborted));
        await app.StartAsync(cancellationToken);
        return new CatalogGatewayServer(app, kv, directory, time);
    }

    /// <summary>An SDK client: path-style unless <paramref name="virtualHost"/>, over TLS when <paramref name="https"/>, the full-access key unless told otherwise.</summary>
    public AmazonS3Client CreateClient(AccessKeyPair? key = null, bool virtualHost = false, string? secret = null, bool https = false)
    {
        var pair = key ?? Key;
        var config = new AmazonS3Config
        {
            ServiceURL = virtualHost ? $"http://{Domain}:{BaseAddress.Port}" : https ? HttpsAddress.ToString() : BaseAddress.ToString(),
            ForcePathStyle = !virtualHost,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        };
        if (virtualHost)
        {
            config.HttpClientFactory = new LoopbackHttpClientFactory(BaseAddress.Port);
        }
        else if (https)
        {
            config.HttpClientFactory = new TrustingHttpClientFactory();
        }

        return new AmazonS3Client(new BasicAWSCredentials(pair.AccessKeyId, secret ?? pair.SecretAccessKey), config);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _kv.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static async Task CreateUserAsync(
        AuthService auth, string username, AccessKeyPair key, IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        await auth.Users.CreateAsync(new NewUser(username), cancellationToken);
        await auth.Credentials.CreateAsync(username, key, cancellationToken);
        await auth.Policies.CreateAsync(username + "-policy", statements, cancellationToken: cancellationToken);
        await auth.Policies.AttachToUserAsync(username, username + "-policy", cancellationToken);
    }
}
