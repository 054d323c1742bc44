using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// The committed two-way diff (docs/diff.md, "Two-dot diff"; docs/architecture.md, "Algorithms"): walks both trees by
/// range headers, skips ranges with the same ID on both sides without reading them, and compares records only inside
/// ranges that differ. Callers may also drop whole one-sided ranges (the three-dot compare does, using the base).
/// </summary>
internal sealed class TwoWayDiffIterator : IDiffIterator
{
    private readonly TreeCursor _left;
    private readonly TreeCursor _right;
    private readonly Func<RangeInfo, bool>? _skipLeftOnlyRange;
    private readonly Func<RangeInfo, bool>? _skipRightOnlyRange;
    private DiffRecord? _current;
    private bool _started;

    /// <param name="left">The tree the differences start from.</param>
    /// <param name="right">The tree the differences lead to.</param>
    /// <param name="skipLeftOnlyRange">Asked about a left range no right key falls into; true drops all its records.</param>
    /// <param name="skipRightOnlyRange">Asked about a right range no left key falls into; true drops all its records.</param>
    public TwoWayDiffIterator(
        TreeCursor left,
        TreeCursor right,
        Func<RangeInfo, bool>? skipLeftOnlyRange = null,
        Func<RangeInfo, bool>? skipRightOnlyRange = null)
    {
        _left = left;
        _right = right;
        _skipLeftOnlyRange = skipLeftOnlyRange;
        _skipRightOnlyRange = skipRightOnlyRange;
    }

    public DiffRecord Current => _current ?? throw new InvalidOperationException("the iterator is not positioned on a difference");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        if (!_started)
        {
            await _left.NextAsync(cancellationToken);
            await _right.NextAsync(cancellationToken);
            _started = true;
        }

        while (!(_left.AtEnd && _right.AtEnd))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_left.AtHeader && _right.AtHeader && _left.Range.Id == _right.Range.Id)
            {
                await _left.NextRangeAsync(cancellationToken);
                await _right.NextRangeAsync(cancellationToken);
                continue;
            }

            var order = TreeCursor.ComparePositions(_left, _right);
            if (order < 0)
            {
                if (_left.AtHeader)
                {
                    await SkipOrEnterAsync(_left, _right, _skipLeftOnlyRange, cancellationToken);
                    continue;
                }

                _current = new DiffRecord(DiffType.Removed, _left.Key.ToArray(), ValueOf(_left), null);
                await _left.NextAsync(cancellationToken);
                return true;
            }

            if (order > 0)
            {
                if (_right.AtHeader)
                {
                    await SkipOrEnterAsync(_right, _left, _skipRightOnlyRange, cancellationToken);
                    continue;
                }

                _current = new DiffRecord(DiffType.Added, _right.Key.ToArray(), ValueOf(_right), null);
                await _right.NextAsync(cancellationToken);
                return true;
            }

            if (_left.AtHeader)
            {
                await _left.NextAsync(cancellationToken);
                continue;
            }

            if (_right.AtHeader)
            {
                await _right.NextAsync(cancellationToken);
                continue;
            }

            if (!_left.Identity.SequenceEqual(_right.Identity))
            {
                _current = new DiffRecord(DiffType.Changed, _right.Key.ToArray(), ValueOf(_right), _left.Identity.ToArray());
            }

            TreeCursor.SkipEqual(_left, _right);
            await _left.NextAsync(cancellationToken);
            await _right.NextAsync(cancellationToken);
            if (_current is not null)
            {
                return true;
            }
        }

        return false;
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _current = null;
        _left.SeekGE(key);
        _right.SeekGE(key);
        _started = false;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static Value ValueOf(TreeCursor cursor) => new(cursor.Identity.ToArray(), cursor.DataMemory.ToArray());

    /// <summary>
    /// <paramref name="side"/> stands on a header before the other side's position. If the whole range
    /// lies before it, the range is one-sided and the caller's filter may drop it; otherwise step in.
    /// </summary>
    private static async ValueTask SkipOrEnterAsync(TreeCursor side, TreeCursor other, Func<RangeInfo, bool>? skip, CancellationToken cancellationToken)
    {
        if (skip is not null && side.RangeEndsBefore(other) && skip(side.Range))
        {
            await side.NextRangeAsync(cancellationToken);
        }
        else
        {
            await side.NextAsync(cancellationToken);
        }
    }
}
