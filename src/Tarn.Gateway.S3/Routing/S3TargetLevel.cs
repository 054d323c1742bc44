namespace Tarn.Gateway.S3.Routing;

/// <summary>Which row of the operation table (docs/gateway.md, "Operation table") a request target falls in.</summary>
public enum S3TargetLevel
{
    /// <summary>No repository: ListBuckets.</summary>
    Service,

    /// <summary>A repository without ref or path.</summary>
    Bucket,

    /// <summary>A repository, a ref and a non-empty path.</summary>
    Object,

    /// <summary>Anything else (a ref without a path): 404 with an empty body.</summary>
    Other,
}
