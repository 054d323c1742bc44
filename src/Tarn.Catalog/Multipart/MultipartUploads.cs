using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog.Multipart;

/// <summary>
/// Multipart uploads to a branch (docs/gateway.md, "Multipart uploads"): a tracker record in the KV store, parts streamed
/// to the block store at the upload's address (never buffered), and on completion the assembled object
/// staged through <see cref="ObjectCatalog"/>. Every call naming an upload is checked against the
/// record's repository, branch and path, so an id leaked from one object cannot touch another.
/// </summary>
public sealed class MultipartUploads
{
    private readonly ObjectCatalog _catalog;
    private readonly VersionController _versions;
    private readonly MultipartUploadStore _store;
    private readonly TimeProvider _time;

    public MultipartUploads(ObjectCatalog catalog, VersionController versions, MultipartUploadStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(store);
        _catalog = catalog;
        _versions = versions;
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Starts an upload to <paramref name="path"/> on the branch for the user <paramref name="initiator"/>;
    /// 404 for an unknown repository or branch.
    /// </summary>
    public async Task<MultipartUpload> CreateAsync(
        string repositoryId,
        string branchId,
        string path,
        string? contentType,
        IReadOnlyDictionary<string, string>? metadata,
        string? initiator,
        CancellationToken cancellationToken = default)
    {
        ObjectPaths.ToKey(path);
        var storageNamespace = await _catalog.StorageNamespaceAsync(repositoryId, cancellationToken);
        await _versions.GetBranchAsync(repositoryId, branchId, cancellationToken);
        var now = _time.GetUtcNow();
        var address = DataAddresses.New(now);
        var uploadId = await _catalog.Blocks.CreateMultipartUploadAsync(ObjectPointer.Relative(storageNamespace, address), cancellationToken);
        var upload = new MultipartUpload(
            uploadId,
            repositoryId,
            branchId,
            path,
            address,
            now,
            string.IsNullOrEmpty(contentType) ? null : contentType,
            metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata, StringComparer.Ordinal),
            initiator);
        await _store.CreateAsync(upload, cancellationToken);
        return upload;
    }

    /// <summary>
    /// The upload named <paramref name="uploadId"/> if it writes to exactly this repository, branch and path;
    /// otherwise <see cref="MultipartUploadNotFoundException"/> (S3 <c>NoSuchUpload</c>).
    /// </summary>
    public async Task<MultipartUpload> GetAsync(
        string uploadId, string repositoryId, string branchId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadId);
        var upload = await _store.GetAsync(uploadId, cancellationToken);
        if (upload is null
            || !string.Equals(upload.RepositoryId, repositoryId, StringComparison.Ordinal)
            || !string.Equals(upload.BranchId, branchId, StringComparison.Ordinal)
            || !string.Equals(upload.Path, path, StringComparison.Ordinal))
        {
            throw new MultipartUploadNotFoundException(uploadId);
        }

        return upload;
    }

    /// <summary>Streams one part (1..10000) to the block store and remembers it.</summary>
    public async Task<MultipartPart> UploadPartAsync(
        MultipartUpload upload, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(data);
        var pointer = await PointerAsync(upload, cancellationToken);
        var stored = await _catalog.Blocks.UploadPartAsync(pointer, upload.UploadId, partNumber, data, expectedSize, cancellationToken);
        return await RememberAsync(upload, stored, cancellationToken);
    }

    /// <summary>
    /// Copies an object (or <paramref name="range"/> of it) from any repository and ref into a part
    /// (UploadPartCopy); 404 for a missing source, 416-style <see cref="RangeNotSatisfiableException"/> for a range past its end.
    /// </summary>
    public async Task<MultipartPart> UploadPartCopyAsync(
        MultipartUpload upload,
        int partNumber,
        string sourceRepositoryId,
        string sourceRef,
        string sourcePath,
        ByteRange? range,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var pointer = await PointerAsync(upload, cancellationToken);
        await using var source = await _catalog.OpenAsync(sourceRepositoryId, sourceRef, sourcePath, range, cancellationToken);
        var stored = await _catalog.Blocks.UploadPartAsync(pointer, upload.UploadId, partNumber, source.Data.Data, source.Data.Length, cancellationToken);
        return await RememberAsync(upload, stored, cancellationToken);
    }

    /// <summary>
    /// Assembles the listed parts (strictly ascending, each with its ETag, else <see cref="InvalidPartListException"/>
    /// and the upload stays open), stages the object with the record's content type and metadata, and forgets the upload.
    /// </summary>
    public async Task<MultipartCompletion> CompleteAsync(
        MultipartUpload upload, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(parts);
        var pointer = await PointerAsync(upload, cancellationToken);
        var written = await _catalog.Blocks.CompleteMultipartUploadAsync(pointer, upload.UploadId, parts, cancellationToken);
        var entry = new ObjectEntry
        {
            Address = upload.Address,
            AddressKind = AddressKind.Relative,
            LastModified = _time.GetUtcNow(),
            Size = written.Size,
            // Stored with its "-N" part count, as S3 shows it. lakeFS drops the suffix (docs/gateway.md, "ETags"), but then
            // HEAD/GET/LIST show a plain hex ETag that SDKs (the AWS SDK for .NET) take for the body's MD5, and
            // every whole-object read of a multipart object fails their integrity check.
            Checksum = written.ETag,
            ContentType = upload.ContentType ?? ObjectEntry.DefaultContentType,
            Metadata = upload.Metadata,
        };
        try
        {
            await _catalog.StageAsync(upload.RepositoryId, upload.BranchId, upload.Path, entry, cancellationToken);
        }
        catch
        {
            // The block store has consumed the upload, so the record can never complete again (e.g. the
            // branch became protected or was deleted): forget it; the assembled data is left for GC.
            await _store.DeleteAsync(upload.UploadId, CancellationToken.None);
            throw;
        }

        await _store.DeleteAsync(upload.UploadId, cancellationToken);
        return new MultipartCompletion(entry, written.ETag);
    }

    /// <summary>Discards the upload's parts and forgets it.</summary>
    public async Task AbortAsync(MultipartUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var pointer = await PointerAsync(upload, cancellationToken);
        try
        {
            await _catalog.Blocks.AbortMultipartUploadAsync(pointer, upload.UploadId, cancellationToken);
        }
        catch (MultipartUploadNotFoundException)
        {
            // The block store already forgot it (an earlier abort that failed half-way): finish forgetting.
        }

        await _store.DeleteAsync(upload.UploadId, cancellationToken);
    }

    /// <summary>
    /// The open uploads of one repository, ordered as S3 lists them: by key (<c>branch/path</c>, ordinal), then
    /// by initiation time, then by upload id. Completed and aborted uploads are gone from the tracker, so they
    /// never show. Scans every tracked upload: open uploads are few and short-lived (they expire).
    /// </summary>
    public async Task<IReadOnlyList<MultipartUpload>> ListRepositoryUploadsAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repositoryId);
        var uploads = new List<MultipartUpload>();
        await foreach (var upload in _store.ListUploadsAsync(cancellationToken))
        {
            if (string.Equals(upload.RepositoryId, repositoryId, StringComparison.Ordinal))
            {
                uploads.Add(upload);
            }
        }

        uploads.Sort(ListingOrder);
        return uploads;
    }

    /// <summary>The S3 key of an upload as clients wrote it: <c>branch/path</c>.</summary>
    public static string KeyOf(MultipartUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return upload.BranchId + "/" + upload.Path;
    }

    /// <summary>One page of the uploaded parts after <paramref name="afterPartNumber"/>.</summary>
    public Task<MultipartPartsPage> ListPartsAsync(
        MultipartUpload upload, int afterPartNumber, int maxParts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return _store.ListPartsAsync(upload.UploadId, afterPartNumber, maxParts, cancellationToken);
    }

    /// <summary>
    /// Aborts every upload started before <paramref name="startedBefore"/> (abandoned uploads
    /// must not keep their parts forever); returns how many were aborted. An upload whose repository is gone
    /// is only forgotten.
    /// </summary>
    public async Task<int> ExpireAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        var expired = new List<MultipartUpload>();
        await foreach (var upload in _store.ListUploadsAsync(cancellationToken))
        {
            if (upload.CreatedAt < startedBefore)
            {
                expired.Add(upload);
            }
        }

        foreach (var upload in expired)
        {
            try
            {
                await AbortAsync(upload, cancellationToken);
            }
            catch (TarnException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.Gone or ErrorKind.InvalidArgument)
            {
                await _store.DeleteAsync(upload.UploadId, cancellationToken);
            }
        }

        return expired.Count;
    }

    private static int ListingOrder(MultipartUpload left, MultipartUpload right)
    {
        var byKey = string.CompareOrdinal(KeyOf(left), KeyOf(right));
        if (byKey != 0)
        {
            return byKey;
        }

        var byTime = left.CreatedAt.CompareTo(right.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.UploadId, right.UploadId);
    }

    private async Task<ObjectPointer> PointerAsync(MultipartUpload upload, CancellationToken cancellationToken) =>
        ObjectPointer.Relative(await _catalog.StorageNamespaceAsync(upload.RepositoryId, cancellationToken), upload.Address);

    private async Task<MultipartPart> RememberAsync(MultipartUpload upload, UploadedPart stored, CancellationToken cancellationToken)
    {
        var part = new MultipartPart(stored.PartNumber, stored.ETag, stored.Size, _time.GetUtcNow());
        await _store.SetPartAsync(upload.UploadId, part, cancellationToken);
        return part;
    }
}
