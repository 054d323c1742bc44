namespace Tarn.Blocks.Memory;

/// <summary>
/// A thread-safe, non-durable store for tests and <c>blockstore.type: mem</c>. It applies the same key
/// rules, size checks, ETags and multipart semantics as the local store and passes the same contract
/// suite, so code tested against it behaves the same on disk.
/// </summary>
public sealed class MemoryBlockAdapter : IBlockAdapter
{
    private const string BlockstoreType = "mem";
    private const string AddressPrefix = "mem://";

    private readonly Dictionary<string, MemoryBlob> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemoryUpload> _uploads = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    /// <param name="timeProvider">The clock for modification times; the system clock when null.</param>
    public MemoryBlockAdapter(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    public BlockstoreDescription Description { get; } = new(
        BlockstoreType: BlockstoreType,
        NamespaceValidityRegex: "^mem://",
        NamespaceExample: "mem://example-bucket/",
        ImportSupport: false,
        ImportValidityRegex: "^mem://");

    public string GetPhysicalAddress(ObjectPointer pointer) => AddressPrefix + Location(pointer);

    public async Task<BlockWriteResult> PutAsync(ObjectPointer pointer, Stream data, long expectedSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var location = Location(pointer);
        var (content, md5) = await ReadAllAsync(data, expectedSize, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var blob = new MemoryBlob(content, ETags.FromMd5(md5), _timeProvider.GetUtcNow());
        lock (_lock)
        {
            _blobs[location] = blob;
        }

        return new BlockWriteResult(content.LongLength, blob.ETag!, blob.LastModified);
    }

    public Task PutContentAddressedAsync(ObjectPointer pointer, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Location(pointer);
        var blob = new MemoryBlob(content.ToArray(), ETag: null, _timeProvider.GetUtcNow());
        lock (_lock)
        {
            _blobs[location] = blob;
        }

        return Task.CompletedTask;
    }

    public Task<BlockContent> GetAsync(ObjectPointer pointer, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var blob = Find(pointer) ?? throw new BlockNotFoundException(pointer.ToString());
        var size = blob.Data.LongLength;
        var (offset, length) = range?.Resolve(size) ?? (0, size);
        var stream = new MemoryStream(blob.Data, (int)offset, (int)length, writable: false);
        return Task.FromResult(new BlockContent(stream, size, offset, length, blob.LastModified, blob.ETag));
    }

    public Task<BlockProperties?> HeadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var blob = Find(pointer);
        return Task.FromResult(blob is null ? null : new BlockProperties(blob.Data.LongLength, blob.LastModified, blob.ETag));
    }

    public Task DeleteAsync(ObjectPointer pointer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Location(pointer);
        lock (_lock)
        {
            _blobs.Remove(location);
        }

        return Task.CompletedTask;
    }

    public IAsyncEnumerable<BlockListEntry> ListAsync(StorageNamespace storageNamespace, string prefix, CancellationToken cancellationToken = default)
    {
        BlockKeys.CheckPrefix(prefix);
        var namespaceLocation = BlockKeys.Location(storageNamespace, BlockstoreType) + "/";
        var wanted = namespaceLocation + prefix;
        List<BlockListEntry> entries;
        lock (_lock)
        {
            entries = _blobs
                .Where(pair => pair.Key.StartsWith(wanted, StringComparison.Ordinal))
                .Select(pair => new BlockListEntry(pair.Key[namespaceLocation.Length..], pair.Value.Data.LongLength, pair.Value.LastModified))
                .ToList();
        }

        entries.Sort((a, b) => Utf8Ordering.Instance.Compare(a.Identifier, b.Identifier));
        return entries.ToAsyncEnumerable();
    }

    public Task<string> CreateMultipartUploadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Location(pointer);
        var uploadId = UploadIds.New();
        lock (_lock)
        {
            _uploads.Add(uploadId, new MemoryUpload(location));
        }

        return Task.FromResult(uploadId);
    }

    public async Task<UploadedPart> UploadPartAsync(
        ObjectPointer pointer, string uploadId, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        PartNumbers.Check(partNumber);
        var location = Location(pointer);
        lock (_lock)
        {
            _ = OpenUpload(uploadId, location);
        }

        var (content, md5) = await ReadAllAsync(data, expectedSize, cancellationToken);
        lock (_lock)
        {
            // Looked up again: the upload may have been completed or aborted while the part arrived.
            OpenUpload(uploadId, location).Parts[partNumber] = (content, md5);
        }

        return new UploadedPart(partNumber, ETags.FromMd5(md5), content.LongLength);
    }

    public Task<BlockWriteResult> CompleteMultipartUploadAsync(
        ObjectPointer pointer, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Location(pointer);
        lock (_lock)
        {
            var upload = OpenUpload(uploadId, location);
            PartNumbers.CheckList(parts);
            var chosen = new List<(byte[] Data, byte[] Md5)>(parts.Count);
            foreach (var part in parts)
            {
                if (!upload.Parts.TryGetValue(part.PartNumber, out var stored))
                {
                    throw PartNumbers.Missing(part.PartNumber);
                }

                if (!string.Equals(ETags.Normalize(part.ETag), ETags.FromMd5(stored.Md5), StringComparison.Ordinal))
                {
                    throw PartNumbers.ETagMismatch(part.PartNumber);
                }

                chosen.Add(stored);
            }

            var content = Concatenate(chosen.Select(part => part.Data));
            var blob = new MemoryBlob(content, ETags.Multipart(chosen.ConvertAll(part => part.Md5)), _timeProvider.GetUtcNow());
            _blobs[location] = blob;
            _uploads.Remove(uploadId);
            return Task.FromResult(new BlockWriteResult(content.LongLength, blob.ETag!, blob.LastModified));
        }
    }

    public Task AbortMultipartUploadAsync(ObjectPointer pointer, string uploadId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = Location(pointer);
        lock (_lock)
        {
            _ = OpenUpload(uploadId, location);
            _uploads.Remove(uploadId);
        }

        return Task.CompletedTask;
    }

    /// <summary>A pointer as a store location <c>root/prefix/key</c>, after the same key checks as the local store.</summary>
    private static string Location(ObjectPointer pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.AddressType == AddressType.Relative)
        {
            var namespaceLocation = BlockKeys.Location(pointer.Namespace!, BlockstoreType);
            BlockKeys.CheckPath(pointer.Identifier, "object key");
            return $"{namespaceLocation}/{pointer.Identifier}";
        }

        BlockKeys.CheckScheme(pointer.Scheme, pointer.Identifier, BlockstoreType);
        var location = pointer.Identifier[AddressPrefix.Length..];
        BlockKeys.CheckPath(location, "storage address");
        return location;
    }

    private static async Task<(byte[] Content, byte[] Md5)> ReadAllAsync(Stream data, long expectedSize, CancellationToken cancellationToken)
    {
        HashingCopy.CheckExpectedSize(expectedSize);
        using var buffer = new MemoryStream();
        var (_, md5) = await HashingCopy.CopyAsync(data, buffer, expectedSize, cancellationToken);
        return (buffer.ToArray(), md5);
    }

    private static byte[] Concatenate(IEnumerable<byte[]> parts)
    {
        using var joined = new MemoryStream();
        foreach (var part in parts)
        {
            joined.Write(part);
        }

        return joined.ToArray();
    }

    private MemoryBlob? Find(ObjectPointer pointer)
    {
        var location = Location(pointer);
        lock (_lock)
        {
            return _blobs.GetValueOrDefault(location);
        }
    }

    /// <summary>Must be called under the lock.</summary>
    private MemoryUpload OpenUpload(string uploadId, string location) =>
        _uploads.TryGetValue(uploadId ?? string.Empty, out var upload) && string.Equals(upload.Location, location, StringComparison.Ordinal)
            ? upload
            : throw new MultipartUploadNotFoundException(uploadId ?? string.Empty);
}
