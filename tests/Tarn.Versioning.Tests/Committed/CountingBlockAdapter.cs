using System.Collections.Concurrent;
using Tarn.Blocks;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>Passes everything to an inner adapter and counts reads per key, to prove which files an algorithm opened.</summary>
internal sealed class CountingBlockAdapter(IBlockAdapter inner) : IBlockAdapter
{
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public int TotalReads => Reads.Values.Sum();

    public bool WasRead(string id) => Reads.ContainsKey("_lakefs/" + id);

    public BlockstoreDescription Description => inner.Description;

    public string GetPhysicalAddress(ObjectPointer pointer) => inner.GetPhysicalAddress(pointer);

    public Task<BlockWriteResult> PutAsync(ObjectPointer pointer, Stream data, long expectedSize, CancellationToken cancellationToken = default) =>
        inner.PutAsync(pointer, data, expectedSize, cancellationToken);

    public Task PutContentAddressedAsync(ObjectPointer pointer, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.PutContentAddressedAsync(pointer, content, cancellationToken);

    public Task<BlockContent> GetAsync(ObjectPointer pointer, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        Reads.AddOrUpdate(pointer.Identifier, 1, (_, n) => n + 1);
        return inner.GetAsync(pointer, range, cancellationToken);
    }

    public Task<BlockProperties?> HeadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) => inner.HeadAsync(pointer, cancellationToken);

    public Task DeleteAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) => inner.DeleteAsync(pointer, cancellationToken);

    public IAsyncEnumerable<BlockListEntry> ListAsync(StorageNamespace storageNamespace, string prefix, CancellationToken cancellationToken = default) =>
        inner.ListAsync(storageNamespace, prefix, cancellationToken);

    public Task<string> CreateMultipartUploadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) =>
        inner.CreateMultipartUploadAsync(pointer, cancellationToken);

    public Task<UploadedPart> UploadPartAsync(ObjectPointer pointer, string uploadId, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default) =>
        inner.UploadPartAsync(pointer, uploadId, partNumber, data, expectedSize, cancellationToken);

    public Task<BlockWriteResult> CompleteMultipartUploadAsync(ObjectPointer pointer, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default) =>
        inner.CompleteMultipartUploadAsync(pointer, uploadId, parts, cancellationToken);

    public Task AbortMultipartUploadAsync(ObjectPointer pointer, string uploadId, CancellationToken cancellationToken = default) =>
        inner.AbortMultipartUploadAsync(pointer, uploadId, cancellationToken);
}
