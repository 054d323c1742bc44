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

    /// <summary>Stores a finished range file and keeps it cached: the next commit on the branch is likely to read it.</summary>
    public async Task StoreRangeAsync(StorageNamespace storageNamespace, WrittenRangeFile file, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, file.Id, RangeFileType.Range);
        if (Cache.Contains(key))
        {
            return;
        }

        await PutAsync(storageNamespace, file, cancellationToken);
        var reader = RangeFileReader.Open(file.Content);
        Cache.Add(key, reader, reader.SizeBytes);
    }

    public async Task StoreMetaRangeAsync(StorageNamespace storageNamespace, WrittenRangeFile file, MetaRangeIndex index, CancellationToken cancellationToken)
    {
        var key = new CacheKey(storageNamespace, file.Id, RangeFileType.MetaRange);
        if (Cache.Contains(key))
        {
            return;
        }

        await PutAsync(storageNamespace, file, cancellationToken);
        Cache.Add(key, index, index.SizeBytes);
    }

    private async Task PutAsync(StorageNamespace storageNamespace, WrittenRangeFile file, CancellationToken cancellationToken)
    {
        var pointer = ObjectPointer.Relative(storageNamespace, RelativeKey(file.Id));
        await _adapter.PutContentAddressedAsync(pointer, file.Content, cancellationToken);
    }

    private async Task<(object Value, long Size)> LoadAsync(CacheKey key)
    {
        var what = key.Kind == RangeFileType.MetaRange ? "metarange" : "range";
        var pointer = ObjectPointer.Relative(key.Namespace, RelativeKey(key.Id));
        byte[] bytes;
        try
        {
            // Not cancellable: other callers may be waiting for this load (see RangeCache).
            await using var content = await _adapter.GetAsync(pointer, null, CancellationToken.None);
            if (content.Length > Array.MaxLength)
            {
                throw new RangeFileCorruptException($"{what} {key.Id} is {content.Length} bytes long");
            }

            bytes = new byte[content.Length];
            await content.Data.ReadExactlyAsync(bytes, CancellationToken.None);
        }
        catch (BlockNotFoundException e)
        {
            throw new TarnException(ErrorKind.NotFound, $"{what} {key.Id} not found", e);
        }

        var reader = RangeFileReader.Open(bytes);
        if (key.Kind == RangeFileType.Range)
        {
            return reader.Properties.Type == RangeFileType.Range
                ? (reader, reader.SizeBytes)
                : throw new RangeFileCorruptException($"{key.Id} is a metarange, expected a range");
        }

        if (reader.Properties.Type != RangeFileType.MetaRange)
        {
            throw new TarnException(ErrorKind.NotFound, $"metarange {key.Id} not found");
        }

        var index = MetaRangeIndex.Decode(reader);
        return (index, index.SizeBytes);
    }
}
