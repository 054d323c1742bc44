namespace Tarn.Blocks;

/// <summary>What the store knows about an object without reading it.</summary>
/// <param name="Size">Bytes stored.</param>
/// <param name="LastModified">When the object was last written.</param>
/// <param name="ETag">The store's ETag when it is cheap to get; null when it would mean reading the data (local files).</param>
public sealed record BlockProperties(long Size, DateTimeOffset LastModified, string? ETag);
