namespace Tarn.Blocks.Presign;

/// <summary>A signed URL, relative to the server's own base address, and the moment it stops working.</summary>
/// <param name="PathAndQuery">E.g. <c>/_tarn/presigned/bG9j…?X-Tarn-Expires=1700000900&amp;X-Tarn-Signature=…</c>.</param>
/// <param name="ExpiresAt">Whole seconds; the URL is accepted up to and including this second.</param>
public sealed record PresignedUrl(string PathAndQuery, DateTimeOffset ExpiresAt)
{
    /// <summary>The URL under the server's public base address (<c>http://host:8000</c>, with or without a trailing slash).</summary>
    public string Under(string baseAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseAddress);
        return baseAddress.TrimEnd('/') + PathAndQuery;
    }
}
