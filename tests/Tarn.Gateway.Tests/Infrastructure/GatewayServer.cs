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
using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Hosting;
using Tarn.Gateway.S3.Operations;
using Tarn.Kv;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway alone on a real Kestrel socket at 127.0.0.1: an in-memory auth domain with one user and
/// access key, the gateway's pipeline, and test operations that echo what they received.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    public const string Username = "gateway-tester";
    public const string Domain = "s3.local.lakefs.io";

    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, AuthService auth, ShiftedTimeProvider time, ObjectStore store, AccessKeyPair key)
    {
        _app = app;
        Auth = auth;
        Time = time;
        Store = store;
        Key = key;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        BaseAddress = addresses.First(a => a.Scheme == "http");
        HttpsAddress = addresses.First(a => a.Scheme == "https");
    }

    public Uri BaseAddress { get; }

    /// <summary>The same server over TLS (a throw-away self-signed certificate), where the SDK may leave payloads unsigned.</summary>
    public Uri HttpsAddress { get; }

    public AuthService Auth { get; }

    public ShiftedTimeProvider Time { get; }

    public ObjectStore Store { get; }

    public AccessKeyPair Key { get; }

    public static async Task<GatewayServer> StartAsync(CancellationToken cancellationToken)
    {
        var time = new ShiftedTimeProvider();
        var auth = new AuthService(new MemoryKvStore(), new AuthOptions { SecretKey = "gateway-tests-master-secret-0123456789" }, time);
        await auth.Users.CreateAsync(new NewUser(Username), cancellationToken);
        var key = new AccessKeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        await auth.Credentials.CreateAsync(Username, key, cancellationToken);

        var store = new ObjectStore();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = TestCertificate.Create();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(auth.Authenticator);
        builder.Services.AddSingleton(store);
        builder.Services.AddTarnS3GatewayProtocol(new GatewayOptions { DomainNames = [Domain] });
        builder.Services.AddSingleton<IS3Operation, EchoPutObject>();
        builder.Services.AddSingleton<IS3Operation, EchoGetObject>();
        builder.Services.AddSingleton<IS3Operation, WhoAmIListBuckets>();

        var app = builder.Build();
        app.MapTarnS3Gateway();
        // Whatever the gateway does not take reaches this stand-in for the API.
        app.Run(context => context.Response.WriteAsync("api", context.RequestAborted));
        await app.StartAsync(cancellationToken);
        return new GatewayServer(app, auth, time, store, key);
    }

    /// <summary>An SDK client for this server, path-style unless <paramref name="virtualHost"/>, over TLS when <paramref name="https"/>.</summary>
    public AmazonS3Client CreateClient(
        string? secret = null, string? accessKeyId = null, bool virtualHost = false, HttpClientFactory? httpClientFactory = null, bool https = false,
        bool requestChecksums = true)
    {
        var credentials = new BasicAWSCredentials(accessKeyId ?? Key.AccessKeyId, secret ?? Key.SecretAccessKey);
        var config = new AmazonS3Config
        {
            ServiceURL = virtualHost ? $"http://{Domain}:{BaseAddress.Port}" : https ? HttpsAddress.ToString() : BaseAddress.ToString(),
            ForcePathStyle = !virtualHost,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        };
        if (!requestChecksums)
        {
            // Without flexible checksums the SDK's chunked uploads carry no trailer: plain STREAMING-AWS4-HMAC-SHA256-PAYLOAD.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }
        else if (https)
        {
            config.HttpClientFactory = new TrustingHttpClientFactory();
        }
        else if (virtualHost)
        {
            // *.s3.local.lakefs.io must reach this server whatever DNS says: connect to loopback, keep the Host header.
            config.HttpClientFactory = new LoopbackHttpClientFactory(BaseAddress.Port);
        }

        return new AmazonS3Client(credentials, config);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
