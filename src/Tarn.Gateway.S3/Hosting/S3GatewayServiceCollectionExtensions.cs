using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>Registers the S3 gateway. Needs <c>TimeProvider</c> and the auth domain's <c>BasicAuthenticator</c> in the container.</summary>
public static class S3GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gateway's services, and raises Kestrel's request-line and header limits so keys of
    /// ~1 KB of percent-encoded Unicode fit (s3-gateway.md §11, item 2). Operations are added with
    /// <c>services.AddSingleton&lt;IS3Operation, …&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddTarnS3Gateway(this IServiceCollection services, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<ProtocolDispatch>();
        services.AddSingleton<S3TargetParser>();
        services.AddSingleton<S3OperationResolver>();
        services.AddSingleton<S3Authenticator>();
        services.AddSingleton<S3OperationDispatcher>();
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 64 * 1024);
            kestrel.Limits.MaxRequestHeadersTotalSize = Math.Max(kestrel.Limits.MaxRequestHeadersTotalSize, 64 * 1024);
        });
        return services;
    }
}
