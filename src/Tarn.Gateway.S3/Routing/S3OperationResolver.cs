using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// The operation table (docs/gateway.md, "Operation table"): method + target level + sub-resource query
/// parameters (+ <c>x-amz-copy-source</c>) → operation. Sub-resources the gateway does not serve answer
/// 405 <c>ERRLakeFSNotSupported</c> when <see cref="GatewayOptions.VerifyUnsupported"/> is on, and are
/// ignored (the plain operation runs) when it is off.
/// </summary>
public sealed class S3OperationResolver(GatewayOptions options)
{
    private static readonly string[] ServiceGetUnsupported = ["events"];
    private static readonly string[] BucketGetUnsupported =
    [
        "inventory", "metrics", "publicAccessBlock", "ownershipControls", "intelligent-tiering", "analytics", "policy",
        "lifecycle", "encryption", "object-lock", "replication", "notification", "events", "acl", "cors", "website",
        "accelerate", "requestPayment", "logging", "tagging", "versions", "policyStatus",
    ];
    private static readonly string[] BucketHeadUnsupported = ["acl"];
    private static readonly string[] BucketPutUnsupported =
    [
        "cors", "metrics", "website", "logging", "accelerate", "requestPayment", "acl", "publicAccessBlock",
        "ownershipControls", "intelligent-tiering", "analytics", "lifecycle", "replication", "encryption", "policy",
        "object-lock", "tagging", "versioning",
    ];
    private static readonly string[] ObjectGetUnsupported = ["torrent", "acl", "retention", "legal-hold", "lambdaArn"];
    private static readonly string[] ObjectPutUnsupported = ["torrent", "acl"];
    private static readonly string[] ObjectPostUnsupported = ["select", "restore"];
    private static readonly string[] ObjectDeleteUnsupported = ["tagging", "acl", "torrent"];

    private readonly bool _verifyUnsupported = (options ?? throw new ArgumentNullException(nameof(options))).VerifyUnsupported;

    /// <summary>The route for a request.</summary>
    public S3Route Resolve(string method, S3Target target, S3Query query, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        return target.Level switch
        {
            S3TargetLevel.Service => HttpMethods.IsGet(method) ? Checked(query, ServiceGetUnsupported, () => S3Route.To(S3OperationId.ListBuckets)) : S3Route.NotFound,
            S3TargetLevel.Bucket => Bucket(method, query),
            S3TargetLevel.Object => Object(method, query, headers),
            _ => S3Route.NotFound,
        };
    }

    private S3Route Bucket(string method, S3Query query)
    {
        if (HttpMethods.IsGet(method))
        {
            if (query.Contains("location"))
            {
                return S3Route.To(S3OperationId.GetBucketLocation);
            }

            if (query.Contains("versioning"))
            {
                return S3Route.To(S3OperationId.GetBucketVersioning);
            }

            // Served although lakeFS 1.12.1 refuses it: clients use it to find and abort abandoned uploads.
            if (query.Contains("uploads"))
            {
                return Checked(query, BucketGetUnsupported, () => S3Route.To(S3OperationId.ListMultipartUploads));
            }

            return Checked(query, BucketGetUnsupported, () => query.Get("list-type") switch
            {
                null or "1" => S3Route.To(S3OperationId.ListObjects),
                "2" => S3Route.To(S3OperationId.ListObjectsV2),
                _ => S3Route.Refuse(S3Errors.BadRequest.WithMessage("Invalid list-type")),
            });
        }

        if (HttpMethods.IsHead(method))
        {
            return Checked(query, BucketHeadUnsupported, () => S3Route.To(S3OperationId.HeadBucket));
        }

        if (HttpMethods.IsPut(method))
        {
            return Checked(query, BucketPutUnsupported, () => S3Route.To(S3OperationId.CreateBucket));
        }

        if (HttpMethods.IsPost(method))
        {
            return query.Contains("delete") ? S3Route.To(S3OperationId.DeleteObjects) : S3Route.NotSupported;
        }

        // DeleteBucket: repositories are never deleted through S3.
        return HttpMethods.IsDelete(method) ? S3Route.NotSupported : S3Route.NotFound;
    }

    private S3Route Object(string method, S3Query query, IHeaderDictionary headers)
    {
        var copy = headers.ContainsKey("x-amz-copy-source");
        if (HttpMethods.IsGet(method))
        {
            return Checked(query, ObjectGetUnsupported, () =>
                query.Contains("tagging") ? S3Route.To(S3OperationId.GetObjectTagging)
                : query.Contains("versioning") ? S3Route.To(S3OperationId.GetObjectVersioning)
                : query.Contains("uploadId") ? S3Route.To(S3OperationId.ListParts)
                : S3Route.To(S3OperationId.GetObject));
        }

        if (HttpMethods.IsHead(method))
        {
            return S3Route.To(S3OperationId.HeadObject);
        }

        if (HttpMethods.IsPut(method))
        {
            return Checked(query, ObjectPutUnsupported, () =>
                query.Contains("uploadId") ? S3Route.To(copy ? S3OperationId.UploadPartCopy : S3OperationId.UploadPart)
                : copy ? S3Route.To(S3OperationId.CopyObject)
                : query.Contains("tagging") ? S3Route.NotSupported
                : S3Route.To(S3OperationId.PutObject));
        }

        if (HttpMethods.IsPost(method))
        {
            return Checked(query, ObjectPostUnsupported, () =>
                query.Contains("uploads") ? S3Route.To(S3OperationId.CreateMultipartUpload)
                : query.Contains("uploadId") ? S3Route.To(S3OperationId.CompleteMultipartUpload)
                : S3Route.Bare(405));
        }

        if (HttpMethods.IsDelete(method))
        {
            return Checked(query, ObjectDeleteUnsupported, () =>
                query.Contains("uploadId") ? S3Route.To(S3OperationId.AbortMultipartUpload) : S3Route.To(S3OperationId.DeleteObject));
        }

        return S3Route.NotFound;
    }

    private S3Route Checked(S3Query query, string[] unsupported, Func<S3Route> otherwise) =>
        _verifyUnsupported && Array.Exists(unsupported, query.Contains) ? S3Route.NotSupported : otherwise();
}
