namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// What a gateway request names: bucket = repository, key = <c>&lt;ref&gt;/&lt;path&gt;</c>. Parts are
/// decoded text; null when the URL stops before them, empty when present but empty (<c>/repo/main/</c>
/// has path <c>""</c>). Paths keep every <c>/</c>, including doubled and trailing ones.
/// </summary>
/// <param name="Repository">The bucket (repository id), from the host (virtual-host style) or the first path segment.</param>
/// <param name="Ref">The ref: branch, tag, commit id or ref expression.</param>
/// <param name="Path">The object path inside the repository.</param>
/// <param name="VirtualHost">Whether the repository came from the Host header.</param>
public sealed record S3Target(string? Repository, string? Ref, string? Path, bool VirtualHost)
{
    /// <summary>The operation-table row: service, bucket, object or other.</summary>
    public S3TargetLevel Level =>
        string.IsNullOrEmpty(Repository) ? S3TargetLevel.Service
        : string.IsNullOrEmpty(Ref) && string.IsNullOrEmpty(Path) ? S3TargetLevel.Bucket
        : !string.IsNullOrEmpty(Ref) && !string.IsNullOrEmpty(Path) ? S3TargetLevel.Object
        : S3TargetLevel.Other;

    /// <summary>The S3 key (<c>ref/path</c>) as clients name it, or null below the object level.</summary>
    public string? Key => Level == S3TargetLevel.Object ? Ref + "/" + Path : null;

    /// <summary>The <c>Resource</c> of error bodies: <c>ref@repo</c> for objects, <c>repo</c> for buckets, empty otherwise.</summary>
    public string Resource => Level switch
    {
        S3TargetLevel.Object => Ref + "@" + Repository,
        S3TargetLevel.Service => "",
        _ => Repository ?? "",
    };
}
