using System.Diagnostics.CodeAnalysis;
using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Range and metarange files in the object store at <c>&lt;namespace&gt;/_lakefs/&lt;id&gt;</c>, read
/// through the shared <see cref="RangeCache"/>. Files are content-addressed and immutable, so storing an
/// ID that exists is a harmless overwrite, and one the cache already holds is skipped.
/// </summary>
internal sealed class RangeStore
{
    private const string Folder = "_lakefs/";

    private readonly IBlockAdapter _adapter;
    private readonly Func<CacheKey, Task<(object Value, long Size)>> _load;

    public RangeStore(IBlockAdapter adapter, RangeCache cache)
    {
        _adapter = adapter;
        Cache = cache;
        _load = LoadAsync;
    }

    public RangeCache Cache { get; }

    /// <summary>The key of a file inside its namespace (what the metadata API reports as <c>location</c>).</summary>
    public static string RelativeKey(string id) => Folder + id;

    public async ValueTask<MetaRangeIndex> GetMetaRangeAsync(StorageNamespace storageNamespace, MetaRangeId id, CancellationToken cancellationToken)
    {
        if (id.IsEmpty)
        {
            return MetaRangeIndex.Empty;
        }

        if (!RangeInfoCodec.IsValidId(id.Value))
        {
            // Never echo the raw value: it comes from a client and may hold control characters.
            throw TarnException.Invalid("invalid metarange ID: expected 64 lowercase hex characters");
        }

        var key = new CacheKey(storageNamespace, id.Value, RangeFileType.MetaRange);
        return (MetaRangeIndex)await Cache.GetOrLoadAsync(key, _load, cancellationToken);
    }

    public async ValueTask<RangeFileReader> GetRangeAsync(StorageNamespace storageNamespace, RangeId id, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, id.Value, RangeFileType.Range);
        return (RangeFileReader)await Cache.GetOrLoadAsync(key, _load, cancellationToken);
    }

    /// <summary>A range the cache holds, without loading it on a miss.</summary>
    public bool TryGetCachedRange(StorageNamespace storageNamespace, RangeId id, [NotNullWhen(true)] out RangeFileReader? reader)
    {
        reader = Cache.TryGet(new CacheKey(storageNamespace, id.Value, RangeFileType.Range), out var value) ? (RangeFileReader)value : null;
        return reader is not null;
    }

    /// <summary>
    /// Reads a range into <paramref name="buffer"/> instead of the cache, for one pass over many ranges that
    /// will not be read again soon (a commit rewriting most of a tree): such a pass would evict everything
    /// useful, and on this kind of machine fresh memory for every file costs more than reading it. The
    /// reader is valid until the buffer is reused.
    /// </summary>
    public async ValueTask<RangeFileReader> ReadRangeUncachedAsync(StorageNamespace storageNamespace, RangeId id, PooledBuffer buffer, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, id.Value, RangeFileType.Range);
        var bytes = await ReadFileAsync(key, buffer.ResetTo, cancellationToken);
        return OpenRange(key, bytes);
    }

    /// <summary>
    /// Stores a finished range file. With <paramref name="keepCached"/> it is also cached (copied out of
    /// <paramref name="content"/>), for the next commit on the branch is likely to read it.
    /// </summary>
    public async Task StoreRangeAsync(StorageNamespace storageNamespace, string id, ReadOnlyMemory<byte> content, bool keepCached, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, id, RangeFileType.Range);
        if (Cache.Contains(key))
        {
            return;
        }

        await PutAsync(storageNamespace, id, content, cancellationToken);
        if (keepCached)
        {
            var reader = RangeFileReader.OpenWritten(content.ToArray());
            Cache.Add(key, reader, reader.SizeBytes);
        }
    }

    public async Task StoreMetaRangeAsync(StorageNamespace storageNamespace, WrittenRangeFile file, MetaRangeIndex index, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, file.Id, RangeFileType.MetaRange);
        if (Cache.Contains(key))
        {
            return;
        }

        await PutAsync(storageNamespace, file.Id, file.Content, cancellationToken);
        Cache.Add(key, index, index.SizeBytes);
    }

    private async Task PutAsync(StorageNamespace storageNamespace, string id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var pointer = ObjectPointer.Relative(storageNamespace, RelativeKey(id));
        await _adapter.PutContentAddressedAsync(pointer, content, cancellationToken);
    }

    private async Task<(object Value, long Size)> LoadAsync(CacheKey key)
    {
        // Not cancellable: other callers may be waiting for this load (see RangeCache).
        var bytes = await ReadFileAsync(key, length => new byte[length], CancellationToken.None);
        if (key.Kind == RangeFileType.Range)
        {
            var reader = OpenRange(key, bytes);
            return (reader, reader.SizeBytes);
        }

        var metaRange = RangeFileReader.Open(bytes);
        if (metaRange.Properties.Type != RangeFileType.MetaRange)
        {
            throw new TarnException(ErrorKind.NotFound, $"metarange {key.Id} not found");
        }

        var index = MetaRangeIndex.Decode(metaRange);
        return (index, index.SizeBytes);
    }

    private static RangeFileReader OpenRange(CacheKey key, ReadOnlyMemory<byte> bytes)
    {
        var reader = RangeFileReader.Open(bytes);
        return reader.Properties.Type == RangeFileType.Range
            ? reader
            : throw new RangeFileCorruptException($"{key.Id} is a metarange, expected a range");
    }

    /// <summary>The whole file, read into memory that <paramref name="allocate"/> gives for its length.</summary>
    private async Task<ReadOnlyMemory<byte>> ReadFileAsync(CacheKey key, Func<int, Memory<byte>> allocate, CancellationToken cancellationToken)
    {
        var what = key.Kind == RangeFileType.MetaRange ? "metarange" : "range";
        var pointer = ObjectPointer.Relative(key.Namespace, RelativeKey(key.Id));
        try
        {
            await using var content = await _adapter.GetAsync(pointer, null, cancellationToken);
            if (content.Length > Array.MaxLength)
            {
                throw new RangeFileCorruptException($"{what} {key.Id} is {content.Length} bytes long");
            }

            var bytes = allocate((int)content.Length);
            await content.Data.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (BlockNotFoundException e)
        {
            throw new TarnException(ErrorKind.NotFound, $"{what} {key.Id} not found", e);
        }
    }
}
