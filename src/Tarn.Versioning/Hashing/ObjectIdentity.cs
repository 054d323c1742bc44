namespace Tarn.Versioning.Hashing;

/// <summary>
/// The identity of an object entry (docs/commits.md, "Object identity"): what decides "same content" for diff, commit
/// and merge. Physical address and mtime are left out on purpose, so re-uploading identical bytes with
/// identical metadata is not a change.
/// </summary>
public static class ObjectIdentity
{
    /// <summary>SHA-256 (32 raw bytes) over size, checksum, user metadata and, only when non-empty, content type.</summary>
    public static byte[] Compute(long size, string checksum, IReadOnlyDictionary<string, string>? metadata, string? contentType)
    {
        var identity = new byte[AddressWriter.HashSize];
        Compute(size, checksum, metadata, contentType, identity);
        return identity;
    }

    /// <summary>As <see cref="Compute(long, string, IReadOnlyDictionary{string, string}?, string?)"/>, into a caller's buffer of 32 bytes.</summary>
    public static void Compute(long size, string checksum, IReadOnlyDictionary<string, string>? metadata, string? contentType, Span<byte> destination)
    {
        using var writer = new AddressWriter();
        writer.WriteInt64(size);
        writer.WriteString(checksum);
        writer.WriteStringMap(metadata);
        if (!string.IsNullOrEmpty(contentType))
        {
            writer.WriteString(contentType);
        }

        writer.GetHashAndReset(destination);
    }
}
