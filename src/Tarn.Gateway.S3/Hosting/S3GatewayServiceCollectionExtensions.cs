using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Gateway.S3.Authorization;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Operations.Buckets;
using Tarn.Gateway.S3.Operations.Multipart;
using Tarn.Gateway.S3.Operations.Objects;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>Registers the S3 gateway.</summary>
public static class S3GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole gateway: the protocol layer (<see cref="AddTarnS3GatewayProtocol"/>), authorization,
    /// every operation and the expiry of abandoned multipart uploads. Needs in the container: <c>TimeProvider</c>,
    /// the auth domain (<c>AddTarnAuth</c>) and the catalog (<c>AddTarnCatalog</c>), with the engine under it.
    /// </summary>
    public static IServiceCollection AddTarnS3Gateway(this IServiceCollection services, GatewayOptions options)
    {
        services.AddTarnS3GatewayProtocol(options);
        services.AddSingleton<S3AccessControl>();
        services.AddSingleton<BranchWrites>();
        services.AddSingleton<BucketListing>();
        services.AddSingleton<UploadLookup>();
        services.AddHostedService<MultipartExpiryService>();

        services.AddSingleton<IS3Operation, ListBuckets>();
        services.AddSingleton<IS3Operation, HeadBucket>();
        services.AddSingleton<IS3Operation, CreateBucket>();
        services.AddSingleton<IS3Operation, GetBucketLocation>();
        services.AddSingleton<IS3Operation, GetBucketVersioning>();
        services.AddSingleton<IS3Operation, ListObjects>();
        services.AddSingleton<IS3Operation, ListObjectsV2>();
        services.AddSingleton<IS3Operation, GetObject>();
        services.AddSingleton<IS3Operation, HeadObject>();
        services.AddSingleton<IS3Operation, GetObjectTagging>();
        services.AddSingleton<IS3Operation, GetObjectVersioning>();
        services.AddSingleton<IS3Operation, PutObject>();
        services.AddSingleton<IS3Operation, CopyObject>();
        services.AddSingleton<IS3Operation, DeleteObject>();
        services.AddSingleton<IS3Operation, DeleteObjects>();
        services.AddSingleton<IS3Operation, CreateMultipartUpload>();
        services.AddSingleton<IS3Operation, UploadPart>();
        services.AddSingleton<IS3Operation, UploadPartCopy>();
        services.AddSingleton<IS3Operation, CompleteMultipartUpload>();
        services.AddSingleton<IS3Operation, AbortMultipartUpload>();
        services.AddSingleton<IS3Operation, ListParts>();
        services.AddSingleton<IS3Operation, ListMultipartUploads>();
        return services;
    }

    /// <summary>
    /// Registers only the protocol layer: dispatch, routing, signing and errors, with no operation and no
    /// authorization (operations are added with <c>services.AddSingleton&lt;IS3Operation, …&gt;()</c>). Raises
    /// Kestrel's request-line and header limits so keys of ~1 KB of percent-encoded Unicode fit
    /// (docs/gateway.md, "Request bodies"). Needs <c>TimeProvider</c> and the auth domain's <c>BasicAuthenticator</c>.
    /// </summary>
    public static IServiceCollection AddTarnS3GatewayProtocol(this IServiceCollection services, GatewayOptions options)
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
