namespace Tarn.Server.Configuration.Settings;

/// <summary><c>gateways.s3.*</c>: the S3-compatible gateway.</summary>
public sealed record GatewaySettings
{
    /// <summary>Bare domains for host-based routing and virtual-host style; none is a dot-suffix of another.</summary>
    public required IReadOnlyList<string> DomainNames { get; init; }

    /// <summary>Region reported in errors and GetBucketLocation.</summary>
    public required string Region { get; init; }

    /// <summary>Where requests for non-existent buckets are proxied, if anywhere.</summary>
    public string? FallbackUrl { get; init; }

    /// <summary>Answer 405 <c>ERRLakeFSNotSupported</c> for unsupported sub-resources.</summary>
    public required bool VerifyUnsupported { get; init; }
}
