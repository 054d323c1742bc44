namespace Tarn.Gateway.S3.Body;

/// <summary>Decoding of base64 digests sent in headers and trailers (<c>Content-MD5</c>, <c>x-amz-checksum-*</c>).</summary>
public static class Base64Digest
{
    /// <summary>The decoded bytes, or null when <paramref name="value"/> is not base64.</summary>
    public static byte[]? TryDecode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var written) ? bytes[..written] : null;
    }
}
