namespace Tarn.Versioning.Committed;

/// <summary>
/// Where ranges end (docs/range-format.md, "Range boundaries"): after a key whose FNV-1a-64 hash is 0 modulo the split
/// modulus, or once the range is big enough. Boundaries chosen by key content do not move when keys are
/// inserted or removed elsewhere, so a commit rewrites only the ranges it touches.
/// </summary>
internal readonly struct SplitPolicy(int modulus, long maxRangeSizeBytes)
{
    private const ulong FnvOffsetBasis = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public bool ShouldCloseAfter(ReadOnlySpan<byte> key, long estimatedSize) =>
        estimatedSize >= maxRangeSizeBytes || Fnv1a64(key) % (ulong)modulus == 0;

    /// <summary>
    /// True when a range ending with this header would also end there if rewritten: its last key is a
    /// content boundary, or it is full. Other ranges ended only because their data did (the last range, or
    /// one closed to reuse the next range), and records added right after them belong in them.
    /// </summary>
    public bool EndsNaturally(RangeInfo range) => ShouldCloseAfter(range.MaxKey, range.EstimatedSize);

    public static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        var hash = FnvOffsetBasis;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }
}
