using Tarn.Blocks;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// The two-dot diff with a <c>branch$</c> right side (docs/diff.md, "Two-dot diff with staged changes"): the committed diff
/// left → HEAD, where every staged key replaces the committed record with a comparison of the staged
/// value against the left tree. Output stays in key order.
/// </summary>
internal sealed class StagedOverDiffIterator(
    IDiffIterator committedDiff, IValueIterator staged, CommittedManager committed, StorageNamespace storageNamespace, MetaRangeId left)
    : IDiffIterator
{
    private bool _diffPending = true;
    private bool _stagedPending = true;
    private bool _hasDiff;
    private bool _hasStaged;
    private DiffRecord? _current;

    public DiffRecord Current => _current ?? throw new InvalidOperationException("the iterator is not positioned on a difference");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        while (true)
        {
            if (_diffPending)
            {
                _hasDiff = await committedDiff.MoveNextAsync(cancellationToken);
                _diffPending = false;
            }

            if (_stagedPending)
            {
                _hasStaged = await staged.MoveNextAsync(cancellationToken);
                _stagedPending = false;
            }

            if (!_hasDiff && !_hasStaged)
            {
                return false;
            }

            var order = !_hasStaged ? -1 : !_hasDiff ? 1 : committedDiff.Current.Key.AsSpan().SequenceCompareTo(staged.Current.Key);
            if (order < 0)
            {
                _diffPending = true;
                _current = committedDiff.Current;
                return true;
            }

            // The staged record decides this key; a committed difference at the same key is superseded.
            _diffPending = order == 0;
            _stagedPending = true;
            var record = staged.Current;
            _current = StagedComparison.Classify(record, await committed.GetAsync(storageNamespace, left, record.Key, cancellationToken));
            if (_current is not null)
            {
                return true;
            }
        }
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _current = null;
        committedDiff.SeekGE(key);
        staged.SeekGE(key);
        _diffPending = true;
        _stagedPending = true;
    }

    public async ValueTask DisposeAsync()
    {
        await committedDiff.DisposeAsync();
        await staged.DisposeAsync();
    }
}
