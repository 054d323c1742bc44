using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// A metarange decoded into its range headers, sorted by key. Immutable and shared through the cache:
/// every tree algorithm starts here and reads range files only where it must.
/// </summary>
internal sealed class MetaRangeIndex
{
    /// <summary>Rough bytes per header beyond its keys, for cache accounting.</summary>
    private const long HeaderOverhead = 160;

    private HashSet<string>? _ids;

    public MetaRangeIndex(RangeInfo[] ranges)
    {
        Ranges = ranges;
        long size = 64;
        foreach (var range in ranges)
        {
            size += HeaderOverhead + range.MinKey.Length + range.MaxKey.Length;
        }

        SizeBytes = size;
    }

    public static MetaRangeIndex Empty { get; } = new([]);

    public RangeInfo[] Ranges { get; }

    public long SizeBytes { get; }

    public static MetaRangeIndex Decode(RangeFileReader reader)
    {
        if (reader.Properties.Type != RangeFileType.MetaRange)
        {
            throw new RangeFileCorruptException("expected a metarange, found a range");
        }

        var ranges = new RangeInfo[reader.Properties.Count];
        var cursor = reader.CreateCursor();
        for (var i = 0; i < ranges.Length && cursor.MoveNext(); i++)
        {
            ranges[i] = RangeInfoCodec.Decode(cursor.Key, cursor.Identity, cursor.Data);
            if (i > 0 && ranges[i - 1].MaxKey.AsSpan().SequenceCompareTo(ranges[i].MinKey) >= 0)
            {
                throw new RangeFileCorruptException("metarange ranges overlap");
            }
        }

        return new MetaRangeIndex(ranges);
    }

    /// <summary>The first range whose max key is &gt;= <paramref name="key"/> (the only one that can hold it), or <c>Ranges.Length</c>.</summary>
    public int FindFirstWithMaxAtLeast(ReadOnlySpan<byte> key)
    {
        int low = 0, high = Ranges.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (Ranges[middle].MaxKey.AsSpan().SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>True when this tree has the very same range file (so the same records in the same key span).</summary>
    public bool Contains(RangeId id)
    {
        var ids = LazyInitializer.EnsureInitialized(ref _ids, () => new HashSet<string>(Ranges.Select(r => r.Id.Value), StringComparer.Ordinal));
        return ids.Contains(id.Value);
    }

    /// <summary>True when some range of this tree spans keys inside [<paramref name="minKey"/>, <paramref name="maxKey"/>].</summary>
    public bool Overlaps(ReadOnlySpan<byte> minKey, ReadOnlySpan<byte> maxKey)
    {
        var i = FindFirstWithMaxAtLeast(minKey);
        return i < Ranges.Length && Ranges[i].MinKey.AsSpan().SequenceCompareTo(maxKey) <= 0;
    }
}
