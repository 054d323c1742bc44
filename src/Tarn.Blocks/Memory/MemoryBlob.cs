namespace Tarn.Blocks.Memory;

/// <summary>One stored object of the in-memory store. <see cref="Data"/> is never modified once stored.</summary>
internal sealed record MemoryBlob(byte[] Data, string? ETag, DateTimeOffset LastModified);
