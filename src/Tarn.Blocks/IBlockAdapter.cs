namespace Tarn.Blocks;

/// <summary>
/// The object store behind repositories: whole-object writes, ranged reads, listing and S3-style
/// multipart uploads, addressed by <see cref="ObjectPointer"/>. Implementations speak domain values
/// only (no HTTP types) and stream data: no operation holds a whole object in memory, except the
/// in-memory adapter whose memory is the store.
/// </summary>
/// <remarks>
/// Errors: malformed or foreign pointers (a namespace of another blockstore type, a key that would
/// escape the store) throw <see cref="Tarn.Core.ErrorKind.InvalidArgument"/>; missing data throws
/// <see cref="BlockNotFoundException"/> (<see cref="Tarn.Core.ErrorKind.Gone"/>); unknown upload ids
/// throw <see cref="MultipartUploadNotFoundException"/>. A write that fails stores nothing: readers
/// see the previous object or none, never a partial one.
/// </remarks>
public interface IBlockAdapter
{
    /// <summary>The store's type and the namespaces it accepts, for <c>getStorageConfig</c> and namespace checks.</summary>
    BlockstoreDescription Description { get; }

    /// <summary>
    /// The fully qualified address shown to clients as <c>physical_address</c>: <c>scheme://root/prefix/key</c>,
    /// or for the local store <c>local://</c> followed by the absolute file path.
    /// </summary>
    string GetPhysicalAddress(ObjectPointer pointer);

    /// <summary>
    /// Stores <paramref name="data"/> at <paramref name="pointer"/>, replacing any object there. When
    /// <paramref name="expectedSize"/> is not -1 and the stream holds a different number of bytes, throws
    /// <see cref="Tarn.Core.ErrorKind.InvalidArgument"/> and stores nothing.
    /// </summary>
    Task<BlockWriteResult> PutAsync(ObjectPointer pointer, Stream data, long expectedSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="content"/> at <paramref name="pointer"/> as <see cref="PutAsync"/> does (atomic, durable),
    /// for data named by its own content hash (range and metarange files): no ETag is computed, because nobody
    /// reads one, and an MD5 over every committed range file would cost a commit a fifth of its time.
    /// <paramref name="content"/> is only borrowed until the returned task completes (callers pass pooled buffers).
    /// </summary>
    Task PutContentAddressedAsync(ObjectPointer pointer, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the object, or the bytes of <paramref name="range"/> (throws <see cref="RangeNotSatisfiableException"/>
    /// when the range selects nothing). Throws <see cref="BlockNotFoundException"/> when it does not exist.
    /// </summary>
    Task<BlockContent> GetAsync(ObjectPointer pointer, ByteRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>The object's size and modification time, or null when it does not exist.</summary>
    Task<BlockProperties?> HeadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; removing a missing object is not an error.</summary>
    Task DeleteAsync(ObjectPointer pointer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Objects in <paramref name="storageNamespace"/> whose key starts with <paramref name="prefix"/>
    /// (any string, not only whole path segments), in ascending order of their UTF-8 bytes.
    /// </summary>
    IAsyncEnumerable<BlockListEntry> ListAsync(StorageNamespace storageNamespace, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Starts a multipart upload to <paramref name="pointer"/> and returns its id (random, URL-safe).</summary>
    Task<string> CreateMultipartUploadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores part <paramref name="partNumber"/> (1..10000) of an upload, replacing an earlier upload of
    /// the same number; the size check is as for <see cref="PutAsync"/>.
    /// </summary>
    Task<UploadedPart> UploadPartAsync(ObjectPointer pointer, string uploadId, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Joins the listed parts, in order, into the object at <paramref name="pointer"/> and ends the upload.
    /// A list that is empty, not strictly ascending, or names a part or ETag that was not uploaded throws
    /// <see cref="InvalidPartListException"/> and leaves the upload open.
    /// </summary>
    Task<BlockWriteResult> CompleteMultipartUploadAsync(ObjectPointer pointer, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default);

    /// <summary>Ends an upload and discards its parts.</summary>
    Task AbortMultipartUploadAsync(ObjectPointer pointer, string uploadId, CancellationToken cancellationToken = default);
}
