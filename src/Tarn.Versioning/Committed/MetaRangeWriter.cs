using Tarn.Blocks;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Builds a new tree from records and reused ranges given in ascending key order: records fill the
/// current range until <see cref="SplitPolicy"/> closes it; a reused range first closes the range being
/// written, so new ranges end where old ones did and the ranges after them stay shared (docs/range-format.md, "Range boundaries"). Closed
/// ranges are hashed and stored on the thread pool, a few at a time, while records for the next range
/// are encoded (on a big commit that splits the work about evenly over two cores); <see cref="FinishAsync"/>
/// waits for them and writes the metarange. Abandoning the writer leaves only unreferenced range files
/// behind.
/// </summary>
internal sealed class MetaRangeWriter : IAsyncDisposable
{
    /// <summary>One writer caches new ranges up to this fraction of the cache (1/N).</summary>
    private const int CachedShareOfCapacity = 8;

    private readonly RangeStore _store;
    private readonly StorageNamespace _namespace;
    private readonly CommittedManagerOptions _options;
    private readonly SplitPolicy _split;
    private readonly RangeFileWriter _range;
    // In key order; a written range's header completes once the file is hashed (its ID known), a reused one
    // is complete from the start. _inFlight holds the hash-and-store work of written ranges not awaited yet.
    private readonly List<Task<RangeInfo>> _ranges = [];
    private readonly Queue<Task> _inFlight = new();
    private byte[]? _lastMaxKey;
    private long _cachedBytes;
    private readonly CancellationToken _cancellationToken;

    public MetaRangeWriter(RangeStore store, StorageNamespace storageNamespace, CommittedManagerOptions options, CancellationToken cancellationToken)
    {
        _store = store;
        _namespace = storageNamespace;
        _options = options;
        _split = new SplitPolicy(options.SplitModulus, options.MaxRangeSizeBytes);
        _range = new RangeFileWriter(RangeFileType.Range, options.BlockSizeBytes);
        _cancellationToken = cancellationToken;
    }

    public SplitPolicy Split => _split;

    /// <summary>True while records are waiting in a range that has not closed yet.</summary>
    public bool HasOpenRange => _range.Count > 0;

    /// <summary>Appends a record; memory arguments are copied before this returns.</summary>
    public ValueTask AddRecordAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> identity, ReadOnlyMemory<byte> data)
    {
        if (_range.Count == 0 && _lastMaxKey is not null && key.Span.SequenceCompareTo(_lastMaxKey) <= 0)
        {
            throw new InvalidOperationException("tree keys must be written in ascending order");
        }

        _range.Add(key.Span, identity.Span, data.Span);
        return _split.ShouldCloseAfter(key.Span, _range.EstimatedSize) ? CloseRangeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Reuses an existing range as a whole, without reading it.</summary>
    public async ValueTask AddRangeAsync(RangeInfo range)
    {
        if (_range.Count > 0)
        {
            await CloseRangeAsync();
        }

        if (_lastMaxKey is not null && range.MinKey.AsSpan().SequenceCompareTo(_lastMaxKey) <= 0)
        {
            throw new InvalidOperationException("tree ranges must be written in ascending order");
        }

        _ranges.Add(Task.FromResult(range));
        _lastMaxKey = range.MaxKey;
    }

    /// <summary>Closes the last range, waits for every upload and stores the metarange (zero ranges make an empty metarange file).</summary>
    public async Task<MetaRangeId> FinishAsync()
    {
        if (_range.Count > 0)
        {
            await CloseRangeAsync();
        }

        var ranges = await Task.WhenAll(_ranges);
        using var writer = new RangeFileWriter(RangeFileType.MetaRange, _options.BlockSizeBytes);
        using var data = new PooledBuffer(256);
        var identity = new byte[RangeInfoCodec.IdLength];
        foreach (var range in ranges)
        {
            RangeInfoCodec.EncodeIdentity(identity, range.Id);
            RangeInfoCodec.EncodeData(data, range);
            writer.Add(range.MaxKey, identity, data.WrittenSpan);
        }

        // The metarange names its ranges by content hash, so it can be stored while they still are: the file
        // writes (and their fsyncs) overlap instead of queueing. Nothing refers to the metarange until this
        // method returns, and it returns only when every file is stored.
        var file = writer.Finish();
        _inFlight.Enqueue(_store.StoreMetaRangeAsync(_namespace, file, new MetaRangeIndex(ranges), _cancellationToken));
        while (_inFlight.Count > 0)
        {
            await _inFlight.Dequeue();
        }

        return new MetaRangeId(file.Id);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight);
        }
        catch (Exception)
        {
            // The operation already failed or was abandoned; its orphaned range files are garbage either way.
        }
        finally
        {
            _inFlight.Clear();
            _range.Dispose();
        }
    }

    private async ValueTask CloseRangeAsync()
    {
        var file = _range.FinishUnhashed();
        _lastMaxKey = file.MaxKey;
        // Cache what a later commit is likely to read, within a budget: a commit rewriting a large tree would
        // otherwise flush the cache with files nobody reads soon, and copy each of them into fresh memory.
        var keepCached = _cachedBytes + file.Content.Length <= _store.Cache.CapacityBytes / CachedShareOfCapacity;
        if (keepCached)
        {
            _cachedBytes += file.Content.Length;
        }

        var header = new TaskCompletionSource<RangeInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ranges.Add(header.Task);
        // Not cancellable as a whole: the header must always complete (FinishAsync waits for it); the store
        // inside observes the token.
        _inFlight.Enqueue(Task.Run(() => HashAndStoreAsync(file, keepCached, header)));
        // Bounded: each file in flight holds its bytes and its hash input.
        while (_inFlight.Count >= _options.MaxConcurrentUploads)
        {
            await _inFlight.Dequeue();
        }
    }

    private async Task HashAndStoreAsync(UnhashedRangeFile file, bool keepCached, TaskCompletionSource<RangeInfo> header)
    {
        using (file)
        {
            string id;
            try
            {
                id = file.ComputeId();
            }
            catch (Exception e)
            {
                header.SetException(e);
                throw;
            }

            header.SetResult(new RangeInfo(new RangeId(id), file.MinKey, file.MaxKey, file.Count, file.EstimatedSize));
            await _store.StoreRangeAsync(_namespace, id, file.Content, keepCached, _cancellationToken);
        }
    }
}
