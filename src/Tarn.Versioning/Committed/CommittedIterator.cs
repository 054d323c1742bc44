using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Records of a committed tree in key order, plus range-level access so callers can skip whole ranges:
/// <see cref="CurrentRange"/> is the range the iterator is in, and <see cref="NextRangeAsync"/> skips
/// the rest of it and stops on the next range's header without reading that range; the following
/// <see cref="MoveNextAsync"/> yields its first record. Values are never tombstones.
/// </summary>
public sealed class CommittedIterator : IValueIterator
{
    private readonly TreeCursor _cursor;
    private ValueRecord? _current;

    internal CommittedIterator(TreeCursor cursor) => _cursor = cursor;

    /// <summary>The record <see cref="MoveNextAsync"/> moved to (copied out of the range file on first access).</summary>
    public ValueRecord Current => _current ??= _cursor.AtRecord
        ? new ValueRecord(_cursor.Key.ToArray(), new Value(_cursor.Identity.ToArray(), _cursor.DataMemory.ToArray()))
        : throw new InvalidOperationException("the iterator is not positioned on a record");

    /// <summary>The header of the range holding the current record (or, after <see cref="NextRangeAsync"/>, the range about to be entered); null at the end.</summary>
    public RangeInfo? CurrentRange => _cursor.AtHeader || _cursor.AtRecord ? _cursor.Range : null;

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        while (await _cursor.NextAsync(cancellationToken))
        {
            if (_cursor.AtRecord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips the rest of the current range; true when there is a next range (see <see cref="CurrentRange"/>).</summary>
    public ValueTask<bool> NextRangeAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        return _cursor.NextRangeAsync(cancellationToken);
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _current = null;
        _cursor.SeekGE(key);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
