using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Three-way merge of committed trees (docs/merge.md, "Merge rules per key"). Source and destination advance
/// together in key order, whole ranges at a time where the headers decide the outcome on their own; only
/// ranges that overlap on both sides (or that the base also touches) are read, and their records are
/// merged by that table with point lookups in the base. Conflicts are resolved by the strategy or
/// collected (the first few, in key order) and reported after the walk; nothing is committed then.
/// </summary>
internal sealed class MergeOperation
{
    private readonly TreeCursor _source;
    private readonly TreeCursor _destination;
    private readonly TreeLookup _base;
    private readonly MetaRangeWriter _writer;
    private readonly MergeStrategy _strategy;
    private readonly int _maxConflicts;
    private readonly List<byte[]> _conflicts = [];

    public MergeOperation(TreeCursor source, TreeCursor destination, TreeLookup baseTree, MetaRangeWriter writer, MergeStrategy strategy, int maxConflicts)
    {
        _source = source;
        _destination = destination;
        _base = baseTree;
        _writer = writer;
        _strategy = strategy;
        _maxConflicts = maxConflicts;
    }

    private enum Side
    {
        Source,
        Destination,
    }

    public async Task<MetaRangeId> RunAsync(CancellationToken cancellationToken)
    {
        await _source.NextAsync(cancellationToken);
        await _destination.NextAsync(cancellationToken);
        while (!(_source.AtEnd && _destination.AtEnd) && _conflicts.Count < _maxConflicts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_source.AtHeader && _destination.AtHeader && await TryMergeHeadersAsync(cancellationToken))
            {
                continue;
            }

            var order = TreeCursor.ComparePositions(_source, _destination);
            if (order < 0)
            {
                await OneSidedAsync(_source, _destination, Side.Source, cancellationToken);
            }
            else if (order > 0)
            {
                await OneSidedAsync(_destination, _source, Side.Destination, cancellationToken);
            }
            else if (_source.AtHeader)
            {
                await _source.NextAsync(cancellationToken);
            }
            else if (_destination.AtHeader)
            {
                await _destination.NextAsync(cancellationToken);
            }
            else
            {
                await BothRecordsAsync(cancellationToken);
            }
        }

        if (_conflicts.Count > 0)
        {
            throw new MergeConflictException(_conflicts);
        }

        return await _writer.FinishAsync();
    }

    /// <summary>Both sides stand on headers: settle the pair of ranges without reading them when the IDs allow it.</summary>
    private async ValueTask<bool> TryMergeHeadersAsync(CancellationToken cancellationToken)
    {
        var source = _source.Range;
        var destination = _destination.Range;
        RangeInfo? result = null;
        if (source.Id == destination.Id)
        {
            result = source;
        }
        else if (source.MinKey.AsSpan().SequenceEqual(destination.MinKey) && source.MaxKey.AsSpan().SequenceEqual(destination.MaxKey))
        {
            // The base holding one side's very range means that side changed nothing in this key span.
            result = _base.Index.Contains(source.Id) ? destination : _base.Index.Contains(destination.Id) ? source : null;
        }

        if (result is null)
        {
            return false;
        }

        await WriteRangeAsync(result);
        await _source.NextRangeAsync(cancellationToken);
        await _destination.NextRangeAsync(cancellationToken);
        return true;
    }

    /// <summary><paramref name="side"/> is ahead in key order: nothing of <paramref name="other"/> lies between.</summary>
    private async ValueTask OneSidedAsync(TreeCursor side, TreeCursor other, Side which, CancellationToken cancellationToken)
    {
        if (side.AtHeader)
        {
            var range = side.Range;
            if (!side.RangeEndsBefore(other))
            {
                await side.NextAsync(cancellationToken);
            }
            else if (_base.Index.Contains(range.Id))
            {
                // Unchanged since the base on this side and deleted on the other: stays deleted.
                await side.NextRangeAsync(cancellationToken);
            }
            else if (!_base.Index.Overlaps(range.MinKey, range.MaxKey))
            {
                // Added on this side only.
                await WriteRangeAsync(range);
                await side.NextRangeAsync(cancellationToken);
            }
            else
            {
                await side.NextAsync(cancellationToken);
            }

            return;
        }

        // A key only this side has: added here (base lacks it), deleted there (base equals this side), or a conflict.
        var inBase = await _base.FindAsync(side.KeyMemory, cancellationToken);
        if (!inBase)
        {
            await WriteRecordAsync(side);
        }
        else if (!_base.Identity.SequenceEqual(side.Identity))
        {
            await ConflictAsync(side.KeyMemory, takeSource: which == Side.Source ? _source : null, takeDestination: which == Side.Destination ? _destination : null);
        }

        await side.NextAsync(cancellationToken);
    }

    private async ValueTask BothRecordsAsync(CancellationToken cancellationToken)
    {
        if (_source.Identity.SequenceEqual(_destination.Identity))
        {
            await WriteRecordAsync(_source);
        }
        else if (!await _base.FindAsync(_source.KeyMemory, cancellationToken))
        {
            await ConflictAsync(_source.KeyMemory, _source, _destination);
        }
        else if (_base.Identity.SequenceEqual(_source.Identity))
        {
            await WriteRecordAsync(_destination);
        }
        else if (_base.Identity.SequenceEqual(_destination.Identity))
        {
            await WriteRecordAsync(_source);
        }
        else
        {
            await ConflictAsync(_source.KeyMemory, _source, _destination);
        }

        await _source.NextAsync(cancellationToken);
        await _destination.NextAsync(cancellationToken);
    }

    /// <summary>A conflict: the strategy picks a side (null = that side deleted the key), or it is recorded.</summary>
    private ValueTask ConflictAsync(ReadOnlyMemory<byte> key, TreeCursor? takeSource, TreeCursor? takeDestination)
    {
        switch (_strategy)
        {
            case MergeStrategy.Source:
                return takeSource is null ? ValueTask.CompletedTask : WriteRecordAsync(takeSource);
            case MergeStrategy.Dest:
                return takeDestination is null ? ValueTask.CompletedTask : WriteRecordAsync(takeDestination);
            default:
                _conflicts.Add(key.ToArray());
                return ValueTask.CompletedTask;
        }
    }

    private ValueTask WriteRecordAsync(TreeCursor from) =>
        _conflicts.Count > 0 ? ValueTask.CompletedTask : _writer.AddRecordAsync(from.KeyMemory, from.IdentityMemory, from.DataMemory);

    private ValueTask WriteRangeAsync(RangeInfo range) =>
        _conflicts.Count > 0 ? ValueTask.CompletedTask : _writer.AddRangeAsync(range);
}
