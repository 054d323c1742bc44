namespace Tarn.Gateway.S3;

/// <summary>
/// Settings of the S3 gateway, bound by the host from lakeFS's <c>gateways.s3.*</c> keys, plus the
/// hardening knobs lakeFS lacks (clock skew).
/// </summary>
public sealed record GatewayOptions
{
    /// <summary>The longest a presigned SigV4 URL may live (<c>X-Amz-Expires</c>), as on AWS: 7 days.</summary>
    public static readonly TimeSpan MaxPresignedExpiry = TimeSpan.FromDays(7);

    /// <summary><c>gateways.s3.domain_name</c>: bare domains for host-based routing and virtual-host style.</summary>
    public IReadOnlyList<string> DomainNames { get; init; } = ["s3.local.lakefs.io"];

    /// <summary><c>gateways.s3.region</c>: reported in error bodies and GetBucketLocation.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary><c>gateways.s3.fallback_url</c>: where requests for missing buckets may be proxied.</summary>
    public string? FallbackUrl { get; init; }

    /// <summary><c>gateways.s3.verify_unsupported</c>: answer 405 for unsupported sub-resources instead of ignoring them.</summary>
    public bool VerifyUnsupported { get; init; } = true;

    /// <summary>How far a signed request's date may be from the server clock (403 <c>RequestTimeTooSkewed</c>).</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a multipart upload may stay open before its parts are discarded (docs/gateway.md,
    /// "Multipart uploads"; lakeFS never expires them); <see cref="TimeSpan.Zero"/> keeps uploads forever.
    /// </summary>
    public TimeSpan MultipartUploadExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Throws when the options cannot work: empty domains, or one domain a dot-suffix of another.</summary>
    public void Validate()
    {
        foreach (var domain in DomainNames)
        {
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException($"gateways.s3.domain_name: \"{domain}\" is not a domain name.");
            }

            foreach (var other in DomainNames)
            {
                if (!ReferenceEquals(domain, other) && other.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"gateways.s3.domain_name: \"{domain}\" is a suffix of \"{other}\".");
                }
            }
        }

        if (AllowedClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("The allowed clock skew must not be negative.");
        }

        if (MultipartUploadExpiry < TimeSpan.Zero)
        {
            throw new ArgumentException("The multipart upload expiry must not be negative.");
        }
    }
}
