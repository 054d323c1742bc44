
namespace Tarn.Versioning.Committed;

/// <summary>
/// The three-dot diff (docs/diff.md, "Three-dot diff"): "what merging source into destination would bring".
/// Runs the two-way diff destination → source and classifies each difference against the merge base.
/// Whole ranges are dropped without reading when the table says so: a source-only range identical to
/// a base range (destination deleted it, source did not touch it) and a destination-only range the base
/// has nothing in (destination added it).
/// </summary>
internal sealed class CompareIterator : IDiffIterator
{
    private readonly TwoWayDiffIterator _diff;
    private readonly TreeLookup _base;
    private DiffRecord? _current;

    public CompareIterator(TreeCursor destination, TreeCursor source, TreeLookup baseTree)
    {
        _base = baseTree;
        _diff = new TwoWayDiffIterator(
            destination,
            source,
            skipLeftOnlyRange: range => !baseTree.Index.Overlaps(range.MinKey, range.MaxKey),
            skipRightOnlyRange: range => baseTree.Index.Contains(range.Id));
    }

    public DiffRecord Current => _current ?? throw new InvalidOperationException("the iterator is not positioned on a difference");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        while (await _diff.MoveNextAsync(cancellationToken))
        {
            var difference = _diff.Current;
            var inBase = await _base.FindAsync(difference.Key, cancellationToken);
            var type = Classify(difference, inBase);
            if (type is { } kind)
            {
                _current = difference with { Type = kind };
                return true;
            }
        }

        return false;
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _current = null;
        _diff.SeekGE(key);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The table of docs/diff.md, "Three-dot diff"; null means "omitted".</summary>
    private DiffType? Classify(DiffRecord difference, bool inBase)
    {
        switch (difference.Type)
        {
            case DiffType.Added:
                // Only the source has it.
                return !inBase ? DiffType.Added : SameAsBase(difference.Value.Identity) ? null : DiffType.Conflict;
            case DiffType.Removed:
                // Only the destination has it.
                return !inBase ? null : SameAsBase(difference.Value.Identity) ? DiffType.Removed : DiffType.Conflict;
            default:
                // Both have it, with different identities.
                if (!inBase)
                {
                    return DiffType.Conflict;
                }

                return SameAsBase(difference.Value.Identity) ? null
                    : SameAsBase(difference.LeftIdentity!) ? DiffType.Changed
                    : DiffType.Conflict;
        }
    }

    private bool SameAsBase(byte[] identity) => _base.Identity.SequenceEqual(identity);
}
