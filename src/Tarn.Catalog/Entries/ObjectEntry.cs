namespace Tarn.Catalog.Entries;

/// <summary>How an entry's physical address is to be read.</summary>
public enum AddressKind : byte
{
    /// <summary>Relative to the repository's storage namespace (data the server wrote).</summary>
    Relative = 1,
    /// <summary>A full URI (imported or externally linked data).</summary>
    Full = 2,
}

/// <summary>
/// An object as the catalog stores it on a branch or in a commit (docs/objects.md). Its identity
/// (<see cref="EntryCodec"/>; docs/commits.md, "Object identity") covers size, checksum, user metadata and content
/// type, never the address or the modification time, so re-uploading identical bytes is "no change".
/// </summary>
public sealed record ObjectEntry
{
    public const string DefaultContentType = "application/octet-stream";

    public required string Address { get; init; }

    public AddressKind AddressKind { get; init; } = AddressKind.Relative;

    /// <summary>When the entry was written; null for entries that carry no time (shown as 0).</summary>
    public DateTimeOffset? LastModified { get; init; }

    public required long Size { get; init; }

    /// <summary>Hex MD5 of the data, or an S3 multipart ETag, or a client-supplied checksum.</summary>
    public required string Checksum { get; init; }

    public string ContentType { get; init; } = DefaultContentType;

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}
