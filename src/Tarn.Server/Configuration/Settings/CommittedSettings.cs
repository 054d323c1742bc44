namespace Tarn.Server.Configuration.Settings;

/// <summary><c>committed.*</c>: how committed data (range and metarange files) is cached.</summary>
public sealed record CommittedSettings
{
    /// <summary>
    /// Bytes of range and metarange files kept in memory (<c>committed.sstable.memory.cache_size_bytes</c>);
    /// least recently used files are dropped beyond it. Files not in memory are read from the block store
    /// (on local storage, usually from the operating system's page cache).
    /// </summary>
    public required long MemoryCacheBytes { get; init; }
}
