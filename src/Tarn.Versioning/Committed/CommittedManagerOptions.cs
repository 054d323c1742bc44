namespace Tarn.Versioning.Committed;

/// <summary>
/// Tuning of committed storage. The defaults target repositories of about 10 million objects; the
/// reasoning and the measurements behind them are in docs/range-format.md.
/// </summary>
public sealed record CommittedManagerOptions
{
    /// <summary>Bytes of range and metarange files kept in memory (least recently used files are evicted).</summary>
    public long CacheBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// A range closes after a key k when FNV-1a-64(k) mod this == 0, so ranges hold this many records on
    /// average and boundaries depend only on keys (stable across commits, which lets ranges be reused).
    /// </summary>
    public int SplitModulus { get; init; } = 4096;

    /// <summary>A range also closes once its estimated size (key + identity + data bytes) reaches this.</summary>
    public long MaxRangeSizeBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Target size of a data block inside a range file.</summary>
    public int BlockSizeBytes { get; init; } = 8 * 1024;

    /// <summary>Range files uploaded concurrently by one writer before it waits for them.</summary>
    public int MaxConcurrentUploads { get; init; } = 8;

    /// <summary>How many conflicting keys a failed merge reports.</summary>
    public int MaxReportedConflicts { get; init; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CacheBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(SplitModulus, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRangeSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockSizeBytes, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentUploads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReportedConflicts, 1);
    }
}
