using System.Security.Cryptography;

namespace Tarn.Blocks;

/// <summary>ETag formatting shared by the adapters, following what S3 returns so clients can compare them.</summary>
internal static class ETags
{
    /// <summary>Lowercase hex of a binary MD5, the ETag of a single-part object.</summary>
    public static string FromMd5(byte[] md5) => Convert.ToHexStringLower(md5);

    /// <summary>S3's multipart ETag: hex MD5 of the concatenated binary part MD5s, a dash, and the part count.</summary>
    public static string Multipart(IReadOnlyList<byte[]> partMd5s)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var part in partMd5s)
        {
            md5.AppendData(part);
        }

        return $"{Convert.ToHexStringLower(md5.GetHashAndReset())}-{partMd5s.Count}";
    }

    /// <summary>An ETag as clients send it back (quoted, any case) reduced to the form the adapters return.</summary>
    public static string Normalize(string? eTag) => (eTag ?? string.Empty).Trim().Trim('"').ToLowerInvariant();
}
