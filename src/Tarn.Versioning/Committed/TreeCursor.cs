using Tarn.Blocks;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Walks a tree at two levels, the way every committed algorithm needs it: <see cref="NextAsync"/> stops
/// on each range header before that range's records, so the caller can skip the whole range
/// (<see cref="NextRangeAsync"/>) without the file ever being read, or step into it. Only entering a
/// range loads its file (through the cache). Record accessors are valid until the next move.
/// </summary>
internal sealed class TreeCursor : IDisposable
{
    private readonly RangeStore _store;
    private readonly StorageNamespace _namespace;
    private readonly MetaRangeId _metaRangeId;
    private MetaRangeIndex? _index;
    private RangeFileCursor? _records;
    private int _range = -1;
    private CursorState _state = CursorState.Start;
    private byte[]? _pendingSeek;
    private bool _bypassCacheOnMiss;
    private PooledBuffer? _missBuffer;

    public TreeCursor(RangeStore store, StorageNamespace storageNamespace, MetaRangeIndex index)
        : this(store, storageNamespace, MetaRangeId.Empty) => _index = index;

    /// <summary>A cursor that loads the metarange on its first move.</summary>
    public TreeCursor(RangeStore store, StorageNamespace storageNamespace, MetaRangeId metaRangeId)
    {
        _store = store;
        _namespace = storageNamespace;
        _metaRangeId = metaRangeId;
    }

    /// <summary>
    /// A cursor for one pass that rewrites the ranges it enters (applying a large change set): ranges the
    /// cache holds are used from it, others are read into one buffer of the cursor's own instead of being
    /// cached (see <see cref="RangeStore.ReadRangeUncachedAsync"/>). Dispose it to return the buffer.
    /// </summary>
    public static TreeCursor ForRewrite(RangeStore store, StorageNamespace storageNamespace, MetaRangeIndex index) =>
        new(store, storageNamespace, index) { _bypassCacheOnMiss = true };

    private enum CursorState
    {
        Start,
        Header,
        Record,
        End,
    }

    public bool AtHeader => _state == CursorState.Header;

    public bool AtRecord => _state == CursorState.Record;

    public bool AtEnd => _state == CursorState.End;

    /// <summary>The current range (at a header or inside it).</summary>
    public RangeInfo Range => _index!.Ranges[_range];

    /// <summary>The header of the range after the current one, or null when the current range is the last.</summary>
    public RangeInfo? FollowingRange => _range + 1 < _index!.Ranges.Length ? _index.Ranges[_range + 1] : null;

    public ReadOnlySpan<byte> Key => _records!.Key;

    public ReadOnlyMemory<byte> KeyMemory => _records!.KeyMemory;

    public ReadOnlySpan<byte> Identity => _records!.Identity;

    public ReadOnlyMemory<byte> IdentityMemory => _records!.IdentityMemory;

    public ReadOnlyMemory<byte> DataMemory => _records!.DataMemory;

    /// <summary>Where the cursor stands in key order: the header's min key or the record's key (not valid at the end).</summary>
    public ReadOnlySpan<byte> Position => _state == CursorState.Header ? Range.MinKey : _records!.Key;

    /// <summary>Orders two cursors by <see cref="Position"/>, an exhausted cursor after everything.</summary>
    public static int ComparePositions(TreeCursor a, TreeCursor b) =>
        a.AtEnd ? (b.AtEnd ? 0 : 1) : b.AtEnd ? -1 : a.Position.SequenceCompareTo(b.Position);

    /// <summary>True when the current range ends before the other cursor's position (or the other cursor is exhausted).</summary>
    public bool RangeEndsBefore(TreeCursor other) => other.AtEnd || Range.MaxKey.AsSpan().SequenceCompareTo(other.Position) < 0;

    /// <summary>
    /// Both cursors stand on records with the same key: passes the records that follow in the current blocks
    /// while they are encoded identically, then the blocks that follow while they are equal (see
    /// <see cref="RangeFileCursor.SkipEqualRecords"/> and <see cref="RangeFileCursor.SkipEqualBlocks"/>), so a
    /// diff inside two ranges that differ in a few records decodes and compares only what is around the
    /// differences. The cursors end on a record with the same key on both sides.
    /// </summary>
    public static void SkipEqual(TreeCursor a, TreeCursor b)
    {
        if (a.AtRecord && b.AtRecord)
        {
            RangeFileCursor.SkipEqualRecords(a._records!, b._records!);
            RangeFileCursor.SkipEqualBlocks(a._records!, b._records!);
        }
    }

    /// <summary>
    /// Moves to the next stop: from the start to the first header; from a header to its first record;
    /// from a record to the next record, or to the next range's header after the last one.
    /// </summary>
    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        _index ??= await _store.GetMetaRangeAsync(_namespace, _metaRangeId, cancellationToken);
        if (_pendingSeek is { } seek)
        {
            _pendingSeek = null;
            return await SeekNowAsync(seek, cancellationToken);
        }

        switch (_state)
        {
            case CursorState.Start:
                return MoveToRange(0);
            case CursorState.Header:
                await EnterRangeAsync(cancellationToken);
                _state = CursorState.Record;
                return _records!.MoveNext() || MoveToRange(_range + 1);
            case CursorState.Record:
                return _records!.MoveNext() || MoveToRange(_range + 1);
            default:
                return false;
        }
    }

    /// <summary>Skips the rest of the current range and stops on the next range's header (from the start: the first header).</summary>
    public async ValueTask<bool> NextRangeAsync(CancellationToken cancellationToken)
    {
        if (_state == CursorState.Start || _pendingSeek is not null)
        {
            var fromStart = _pendingSeek is null;
            if (!await NextAsync(cancellationToken) || fromStart)
            {
                return !AtEnd;
            }
        }

        return _state != CursorState.End && MoveToRange(_range + 1);
    }

    /// <summary>The next <see cref="NextAsync"/> lands on the first record with key &gt;= <paramref name="key"/> (not on a header).</summary>
    public void SeekGE(ReadOnlySpan<byte> key) => _pendingSeek = key.ToArray();

    private async ValueTask<bool> SeekNowAsync(byte[] key, CancellationToken cancellationToken)
    {
        var range = _index!.FindFirstWithMaxAtLeast(key);
        if (!MoveToRange(range))
        {
            return false;
        }

        await EnterRangeAsync(cancellationToken);
        _records!.SeekGE(key);
        _state = _records.MoveNext() ? CursorState.Record : CursorState.End;
        return _state == CursorState.Record;
    }

    private bool MoveToRange(int range)
    {
        _range = range;
        _state = range < _index!.Ranges.Length ? CursorState.Header : CursorState.End;
        return _state == CursorState.Header;
    }

    public void Dispose()
    {
        _missBuffer?.Dispose();
        _missBuffer = null;
    }

    private async ValueTask EnterRangeAsync(CancellationToken cancellationToken)
    {
        var reader = await ReadRangeAsync(cancellationToken);
        if (_records is null)
        {
            _records = reader.CreateCursor();
        }
        else
        {
            _records.Reset(reader);
        }
    }

    private async ValueTask<RangeFileReader> ReadRangeAsync(CancellationToken cancellationToken)
    {
        if (!_bypassCacheOnMiss)
        {
            return await _store.GetRangeAsync(_namespace, Range.Id, cancellationToken);
        }

        if (_store.TryGetCachedRange(_namespace, Range.Id, out var cached))
        {
            return cached;
        }

        // The previous range's reader may point into this buffer; nothing reads it once the cursor moved on.
        _missBuffer ??= new PooledBuffer(1024 * 1024);
        return await _store.ReadRangeUncachedAsync(_namespace, Range.Id, _missBuffer, cancellationToken);
    }
}
