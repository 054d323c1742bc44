namespace Tarn.Gateway.S3.Signing;

/// <summary>A parsed SigV4 signature, from the <c>Authorization</c> header or a presigned query.</summary>
/// <param name="Credential">Access key id and scope.</param>
/// <param name="SignedHeaders">The <c>SignedHeaders</c> list exactly as sent (it is part of the canonical request).</param>
/// <param name="Signature">The signature sent: 64 lower-case hex characters.</param>
/// <param name="AmzDate">The request time as sent (<c>yyyyMMddTHHmmssZ</c>).</param>
/// <param name="Time">The request time, parsed.</param>
/// <param name="Expires">For presigned URLs, <c>X-Amz-Expires</c>; null for header signatures.</param>
public sealed record SigV4Signature(
    SigV4Credential Credential, string SignedHeaders, string Signature, string AmzDate, DateTimeOffset Time, TimeSpan? Expires)
{
    public bool Presigned => Expires is not null;

    /// <summary>The signed header names, lower-case and sorted, as the canonical request lists them.</summary>
    public IReadOnlyList<string> SignedHeaderNames =>
        [.. SignedHeaders.Split(';').Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)];
}
