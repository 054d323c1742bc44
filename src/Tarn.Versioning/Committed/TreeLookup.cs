using Tarn.Blocks;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Point lookups in one tree (the merge base of a merge or compare): the metarange index picks the one
/// range that can hold the key, the range's block index the one block. Consecutive lookups in the same
/// range reuse the open reader.
/// </summary>
internal sealed class TreeLookup
{
    private readonly RangeStore _store;
    private readonly StorageNamespace _namespace;
    private RangeFileCursor? _cursor;
    private int _loadedRange = -1;

    public TreeLookup(RangeStore store, StorageNamespace storageNamespace, MetaRangeIndex index)
    {
        _store = store;
        _namespace = storageNamespace;
        Index = index;
    }

    public MetaRangeIndex Index { get; }

    /// <summary>The identity found by the last successful <see cref="FindAsync"/>.</summary>
    public ReadOnlySpan<byte> Identity => _cursor!.Identity;

    public ReadOnlyMemory<byte> DataMemory => _cursor!.DataMemory;

    public async ValueTask<bool> FindAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        var range = Index.FindFirstWithMaxAtLeast(key.Span);
        if (range >= Index.Ranges.Length || Index.Ranges[range].MinKey.AsSpan().SequenceCompareTo(key.Span) > 0)
        {
            return false;
        }

        if (range != _loadedRange)
        {
            var reader = await _store.GetRangeAsync(_namespace, Index.Ranges[range].Id, cancellationToken);
            if (_cursor is null)
            {
                _cursor = reader.CreateCursor();
            }
            else
            {
                _cursor.Reset(reader);
            }

            _loadedRange = range;
        }

        _cursor!.SeekGE(key.Span);
        return _cursor.MoveNext() && _cursor.Key.SequenceEqual(key.Span);
    }
}
