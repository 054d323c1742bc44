using Tarn.Blocks;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Builds a new tree from records and reused ranges given in ascending key order: records fill the
/// current range until <see cref="SplitPolicy"/> closes it; a reused range first closes the range being
/// written, so new ranges end where old ones did and the ranges after them stay shared (§19.8). Closed
/// ranges upload in the background, a few at a time; <see cref="FinishAsync"/> waits for them and
/// writes the metarange. Abandoning the writer leaves only unreferenced range files behind.
/// </summary>
internal sealed class MetaRangeWriter : IAsyncDisposable
{
    private readonly RangeStore _store;
    private readonly StorageNamespace _namespace;
    private readonly CommittedManagerOptions _options;
    private readonly SplitPolicy _split;
    private readonly RangeFileWriter _range;
    private readonly List<RangeInfo> _ranges = [];
    private readonly List<Task> _uploads = [];
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

    /// <summary>Ranges closed so far (reused or written).</summary>
    public int RangeCount => _ranges.Count;

    /// <summary>Appends a record; memory arguments are copied before this returns.</summary>
    public ValueTask AddRecordAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> identity, ReadOnlyMemory<byte> data)
    {
        if (_range.Count == 0 && _ranges.Count > 0 && key.Span.SequenceCompareTo(_ranges[^1].MaxKey) <= 0)
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

        if (_ranges.Count > 0 && range.MinKey.AsSpan().SequenceCompareTo(_ranges[^1].MaxKey) <= 0)
        {
            throw new InvalidOperationException("tree ranges must be written in ascending order");
        }

        _ranges.Add(range);
    }

    /// <summary>Closes the last range, waits for every upload and stores the metarange (zero ranges make an empty metarange file).</summary>
    public async Task<MetaRangeId> FinishAsync()
    {
        if (_range.Count > 0)
        {
            await CloseRangeAsync();
        }

        using var writer = new RangeFileWriter(RangeFileType.MetaRange, _options.BlockSizeBytes);
        using var data = new PooledBuffer(256);
        Span<byte> identity = stackalloc byte[RangeInfoCodec.IdLength];
        foreach (var range in _ranges)
        {
            RangeInfoCodec.EncodeIdentity(identity, range.Id);
            RangeInfoCodec.EncodeData(data, range);
            writer.Add(range.MaxKey, identity, data.WrittenSpan);
        }

        // The metarange names its ranges by content hash, so it can be written while they are still being
        // stored: the file writes (and their fsyncs) overlap instead of queueing. Nothing refers to the metarange
        // until this method returns, and it returns only when every file is stored.
        var file = writer.Finish();
        _uploads.Add(_store.StoreMetaRangeAsync(_namespace, file, new MetaRangeIndex([.. _ranges]), _cancellationToken));
        await DrainUploadsAsync();
        return new MetaRangeId(file.Id);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_uploads);
        }
        catch (Exception)
        {
            // The operation already failed or was abandoned; its orphaned range files are garbage either way.
        }
        finally
        {
            _uploads.Clear();
            _range.Dispose();
        }
    }

    private async ValueTask CloseRangeAsync()
    {
        var file = _range.Finish();
        _ranges.Add(new RangeInfo(new RangeId(file.Id), file.MinKey, file.MaxKey, file.Count, file.EstimatedSize));
        _uploads.Add(_store.StoreRangeAsync(_namespace, file, _cancellationToken));
        if (_uploads.Count >= _options.MaxConcurrentUploads)
        {
            await DrainUploadsAsync();
        }
    }

    private async Task DrainUploadsAsync()
    {
        try
        {
            await Task.WhenAll(_uploads);
        }
        finally
        {
            _uploads.Clear();
        }
    }
}
