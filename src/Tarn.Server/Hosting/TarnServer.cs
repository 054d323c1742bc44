using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tarn.Api.Hosting;
using Tarn.Api.Usage;
using Tarn.Auth;
using Tarn.Blocks;
using Tarn.Catalog;
using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Hosting;
using Tarn.Kv;
using Tarn.Server.Configuration.Settings;
using Tarn.Versioning;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;

namespace Tarn.Server.Hosting;

/// <summary>
/// The composition root: opens the stores named by the configuration, wires the modules, and serves the
/// API on <c>listen_address</c>. Reads like a table of contents; each module owns its own registrations.
/// </summary>
internal sealed class TarnServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IKvStore _kv;

    private TarnServer(WebApplication app, IKvStore kv, AuthService auth)
    {
        _app = app;
        _kv = kv;
        Auth = auth;
    }

    public AuthService Auth { get; }

    /// <summary>The address the server listens on, once started (useful when the configured port is 0).</summary>
    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Opens the stores, registers every module and builds the application (not yet listening).
    /// <paramref name="validateContainer"/> makes the container check every registration at build time
    /// (<c>ValidateOnBuild</c>, <c>ValidateScopes</c>): tests use it; production skips the cost at start-up.
    /// </summary>
    public static async Task<TarnServer> CreateAsync(
        TarnSettings settings, Action<ILoggingBuilder> configureLogging, CancellationToken cancellationToken, bool validateContainer = false)
    {
        var time = TimeProvider.System;
        var kv = await MetadataStoreFactory.OpenAsync(settings.Database, cancellationToken);
        try
        {
            var blocks = BlockAdapterFactory.Create(settings.Blockstore, time);
            var authOptions = AuthOptionsFactory.Create(settings);
            var installationId = await InstallationIdentity.ResolveAsync(kv, settings.Installation.FixedId, cancellationToken);
            var info = ServerInfoFactory.Create(settings, blocks.Description, installationId) with { RbacMode = authOptions.RbacMode };

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            configureLogging(builder.Logging);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, settings.Server));
            builder.Host.UseDefaultServiceProvider(options =>
            {
                options.ValidateOnBuild = validateContainer;
                options.ValidateScopes = validateContainer;
            });

            // Each module registers itself and owns its background services; this is only the table of contents.
            var services = builder.Services;
            services.AddSingleton(time);
            services.AddTarnKv(kv);
            services.AddTarnBlocks(blocks, authOptions.SecretKey);
            services.AddTarnVersioning(new VersionControllerOptions
            {
                Committed = new CommittedManagerOptions { CacheBytes = settings.Committed.MemoryCacheBytes },
            });
            services.AddTarnCatalog();
            services.AddTarnAuth(authOptions);
            services.AddSingleton<IUsageStore>(new KvUsageStore(kv));
            services.AddTarnApi(info, settings.UsageReport.FlushInterval);
            services.AddTarnS3Gateway(new GatewayOptions
            {
                DomainNames = settings.Gateway.DomainNames,
                Region = settings.Gateway.Region,
                FallbackUrl = settings.Gateway.FallbackUrl,
                VerifyUnsupported = settings.Gateway.VerifyUnsupported,
            });
            services.AddHostedService(sp => new IdleMemoryTrimmer(time, sp.GetRequiredService<ILogger<IdleMemoryTrimmer>>()));

            var app = builder.Build();
            // HTTP framing first, for both protocols: see ExpectContinueGuard.
            app.UseExpectContinueGuard();
            // One port, two protocols: requests for a gateway domain or carrying an AWS signature branch
            // off to the S3 gateway first; everything else is the API.
            app.MapTarnS3Gateway();
            // The web server removes "." and ".." segments before routing; refuse them instead, so a request
            // never reaches an operation other than the one its raw path names.
            app.UseTarnDotSegmentGuard();
            app.UseTarnApiErrors();
            app.UseRouting();
            app.UseTarnApiAccessControl();
            app.MapTarnApi();
            return new TarnServer(app, kv, app.Services.GetRequiredService<AuthService>());
        }
        catch
        {
            await kv.DisposeAsync();
            throw;
        }
    }

    /// <summary>The running application's services (tests inspect the routes through them).</summary>
    public IServiceProvider Services => _app.Services;

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Serves until SIGINT/SIGTERM, then lets in-flight requests finish.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _kv.DisposeAsync();
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, ServerSettings server)
    {
        var endpoint = server.ListenHost switch
        {
            "" or "0.0.0.0" => new IPEndPoint(IPAddress.Any, server.ListenPort),
            "::" or "[::]" => new IPEndPoint(IPAddress.IPv6Any, server.ListenPort),
            "localhost" => new IPEndPoint(IPAddress.Loopback, server.ListenPort),
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var address) => new IPEndPoint(address, server.ListenPort),
            var host => new IPEndPoint(Dns.GetHostAddresses(host)[0], server.ListenPort),
        };
        kestrel.AddServerHeader = false;
        kestrel.Listen(endpoint, listen =>
        {
            if (server.Tls.Enabled)
            {
                listen.UseHttps(X509Certificate2.CreateFromPemFile(server.Tls.CertFile!, server.Tls.KeyFile));
            }
        });
    }
}
