namespace Tarn.Catalog.Linking;

/// <summary>What a client says about data it wrote itself and now registers at a path.</summary>
/// <param name="PhysicalAddress">Where the data is, as the client got it (fully qualified or relative to nothing).</param>
/// <param name="Checksum">The store's ETag of the data.</param>
/// <param name="Size">Its length in bytes (trusted, as lakeFS does).</param>
/// <param name="ContentType">Null or empty for the default.</param>
/// <param name="Metadata">User metadata, or null for none.</param>
/// <param name="LastModified">The modification time to record; null for now.</param>
public sealed record LinkedData(
    string PhysicalAddress,
    string Checksum,
    long Size,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    DateTimeOffset? LastModified = null);
