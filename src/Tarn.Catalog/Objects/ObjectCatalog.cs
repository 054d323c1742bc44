using System.Text;
using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Listing;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog.Objects;

/// <summary>
/// Objects on refs (docs/objects.md): upload, stat, read, list and delete, joining the versioning engine
/// (which stores entries under path keys) to the block store (which holds the bytes). Thread-safe.
/// </summary>
public sealed class ObjectCatalog
{
    /// <summary>The 412 text of an upload with <c>If-None-Match: *</c> to a path that exists.</summary>
    public const string PathExistsMessage = "path already exists";

    /// <summary>The 404 text of a path the ref does not have.</summary>
    public const string NotFoundMessage = "not found";

    private readonly VersionController _versions;
    private readonly IBlockAdapter _blocks;
    private readonly TimeProvider _time;

    public ObjectCatalog(VersionController versions, IBlockAdapter blocks, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(blocks);
        _versions = versions;
        _blocks = blocks;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The block store the data lives in (for physical addresses in answers).</summary>
    public IBlockAdapter Blocks => _blocks;

    /// <summary>The repository's storage namespace; 404 <c>repository not found</c>.</summary>
    public async Task<StorageNamespace> StorageNamespaceAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await _versions.GetRepositoryAsync(repositoryId, cancellationToken);
        return StorageNamespace.Parse(repository.StorageNamespace);
    }

    /// <summary>
    /// Streams <paramref name="data"/> to a new address in the repository's namespace and stages the object at
    /// <paramref name="path"/> on the branch (docs/objects.md, "Upload"). With <paramref name="ifAbsent"/> an existing path is a 412
    /// <c>path already exists</c>, checked before any byte is read and again atomically when staging.
    /// On any failure nothing is staged (data already written is left for garbage collection, as lakeFS does).
    /// <paramref name="expectedSize"/> is the byte count the caller announced (Content-Length), or -1 when unknown.
    /// </summary>
    public async Task<ObjectEntry> UploadAsync(
        string repositoryId,
        string branchId,
        string path,
        Stream data,
        string? contentType,
        IReadOnlyDictionary<string, string>? metadata,
        bool ifAbsent,
        long expectedSize = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var key = ObjectPaths.ToKey(path);
        var storageNamespace = await StorageNamespaceAsync(repositoryId, cancellationToken);
        await EnsureBranchAsync(repositoryId, branchId, cancellationToken);
        if (ifAbsent && await _versions.GetAsync(repositoryId, branchId, key, cancellationToken) is not null)
        {
            throw PathExists();
        }

        var address = DataAddresses.New(_time.GetUtcNow());
        var written = await _blocks.PutAsync(ObjectPointer.Relative(storageNamespace, address), data, expectedSize, cancellationToken);
        var entry = new ObjectEntry
        {
            Address = address,
            AddressKind = AddressKind.Relative,
            LastModified = _time.GetUtcNow(),
            Size = written.Size,
            Checksum = written.ETag,
            ContentType = string.IsNullOrEmpty(contentType) ? ObjectEntry.DefaultContentType : contentType,
            Metadata = metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata, StringComparer.Ordinal),
        };

        try
        {
            await _versions.SetAsync(repositoryId, branchId, key, EntryCodec.Encode(entry), ifAbsent, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.PreconditionFailed)
        {
            throw PathExists();
        }

        return entry;
    }

    /// <summary>The entry at <paramref name="path"/> as <paramref name="reference"/> sees it; 404 <c>not found</c>.</summary>
    public async Task<ObjectEntry> StatAsync(string repositoryId, string reference, string path, CancellationToken cancellationToken = default)
    {
        var key = ObjectPaths.ToKey(path);
        var value = await _versions.GetAsync(repositoryId, reference, key, cancellationToken)
            ?? throw TarnException.NotFound(NotFoundMessage);
        return EntryCodec.Decode(value);
    }

    /// <summary>
    /// The entry and an open read of its data (all of it, or <paramref name="range"/>): 404 <c>not found</c>
    /// for a missing path, 410 <c>No data</c> when the data is gone from the block store.
    /// </summary>
    public async Task<ObjectContent> OpenAsync(
        string repositoryId, string reference, string path, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var entry = await StatAsync(repositoryId, reference, path, cancellationToken);
        var data = await OpenDataAsync(repositoryId, entry, range, cancellationToken);
        return new ObjectContent(entry, data);
    }

    /// <summary>Opens the data of an entry already looked up (410 <c>No data</c> when missing).</summary>
    public async Task<BlockContent> OpenDataAsync(
        string repositoryId, ObjectEntry entry, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var storageNamespace = await StorageNamespaceAsync(repositoryId, cancellationToken);
        return await _blocks.GetAsync(PointerOf(entry, storageNamespace), range, cancellationToken);
    }

    /// <summary>
    /// Deletes <paramref name="path"/> on the branch (docs/objects.md, "Deleting objects"): succeeds whether or not it existed ("missing
    /// objects will not return NotFound"); 404 for an unknown repository or branch. The data stays (GC's job).
    /// </summary>
    public async Task DeleteAsync(string repositoryId, string branchId, string path, CancellationToken cancellationToken = default)
    {
        var key = ObjectPaths.ToKey(path);
        await _versions.DeleteAsync(repositoryId, branchId, key, cancellationToken);
    }

    /// <summary>
    /// Deletes many paths on the branch in one staging pass (docs/objects.md, "Bulk delete"). Empty paths are ignored (Spark sends
    /// them); invalid ones become per-path 400 errors; a protected branch fails every path with 403. An
    /// unknown repository or branch is a 404 for the whole request.
    /// </summary>
    public async Task<IReadOnlyList<PathError>> DeleteManyAsync(
        string repositoryId, string branchId, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var errors = new List<PathError>();
        var keys = new List<byte[]>(paths.Count);
        var deleted = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            try
            {
                keys.Add(ObjectPaths.ToKey(path));
                deleted.Add(path);
            }
            catch (TarnException e)
            {
                errors.Add(new PathError(path, e.Kind, e.Message));
            }
        }

        if (keys.Count == 0)
        {
            await EnsureBranchAsync(repositoryId, branchId, cancellationToken);
            return errors;
        }

        try
        {
            await _versions.DeleteManyAsync(repositoryId, branchId, keys, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.Forbidden)
        {
            errors.AddRange(deleted.Select(path => new PathError(path, e.Kind, e.Message)));
        }

        return errors;
    }

    /// <summary>
    /// Copies <paramref name="sourcePath"/> as <paramref name="sourceRef"/> sees it (the destination branch when empty)
    /// to <paramref name="destinationPath"/> on the branch (docs/objects.md, "Copying an object"): the bytes go to a
    /// new relative address; checksum, size, metadata and content type are kept, so the identity is unchanged. Nothing
    /// is staged unless the whole copy succeeded.
    /// </summary>
    public Task<ObjectEntry> CopyAsync(
        string repositoryId,
        string sourceRef,
        string sourcePath,
        string branchId,
        string destinationPath,
        CancellationToken cancellationToken = default) =>
        CopyFromAsync(
            repositoryId, string.IsNullOrEmpty(sourceRef) ? branchId : sourceRef, sourcePath, repositoryId, branchId, destinationPath, cancellationToken: cancellationToken);

    /// <summary>
    /// Copies an object between any two repositories (S3 CopyObject, docs/gateway.md, "Copying"): <paramref name="sourcePath"/>
    /// as <paramref name="sourceRef"/> of <paramref name="sourceRepositoryId"/> sees it goes to a new relative address
    /// in the destination's namespace and is staged at <paramref name="destinationPath"/> on the branch. The checksum
    /// and size are kept; content type and metadata too, unless <paramref name="replacement"/> gives new ones
    /// (<c>x-amz-metadata-directive: REPLACE</c>). Nothing is staged unless the whole copy succeeded.
    /// </summary>
    public async Task<ObjectEntry> CopyFromAsync(
        string sourceRepositoryId,
        string sourceRef,
        string sourcePath,
        string repositoryId,
        string branchId,
        string destinationPath,
        (string? ContentType, IReadOnlyDictionary<string, string> Metadata)? replacement = null,
        CancellationToken cancellationToken = default)
    {
        var destinationKey = ObjectPaths.ToKey(destinationPath, "dest_path");
        ObjectPaths.ToKey(sourcePath, "src_path");
        var destinationNamespace = await StorageNamespaceAsync(repositoryId, cancellationToken);
        await EnsureBranchAsync(repositoryId, branchId, cancellationToken);
        var source = await StatAsync(sourceRepositoryId, sourceRef, sourcePath, cancellationToken);
        var address = DataAddresses.New(_time.GetUtcNow());
        await using (var data = await OpenDataAsync(sourceRepositoryId, source, null, cancellationToken))
        {
            await _blocks.PutAsync(ObjectPointer.Relative(destinationNamespace, address), data.Data, data.Length, cancellationToken);
        }

        var copy = source with
        {
            Address = address,
            AddressKind = AddressKind.Relative,
            LastModified = _time.GetUtcNow(),
        };
        if (replacement is { } replaced)
        {
            copy = copy with
            {
                ContentType = string.IsNullOrEmpty(replaced.ContentType) ? ObjectEntry.DefaultContentType : replaced.ContentType,
                Metadata = new Dictionary<string, string>(replaced.Metadata, StringComparer.Ordinal),
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _versions.SetAsync(repositoryId, branchId, destinationKey, EntryCodec.Encode(copy), false, cancellationToken);
        return copy;
    }

    /// <summary>
    /// Stages an entry whose data is already stored in the repository's namespace (a completed multipart
    /// upload) at <paramref name="path"/> on the branch, replacing what was there; 404 for an unknown branch.
    /// </summary>
    public async Task StageAsync(string repositoryId, string branchId, string path, ObjectEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = ObjectPaths.ToKey(path);
        await EnsureBranchAsync(repositoryId, branchId, cancellationToken);
        await _versions.SetAsync(repositoryId, branchId, key, EntryCodec.Encode(entry), false, cancellationToken);
    }

    /// <summary>
    /// One page of the ref's objects (docs/objects.md, "Listing objects"), with common prefixes when
    /// <paramref name="delimiter"/> is set.
    /// </summary>
    public async Task<ListPage> ListAsync(
        string repositoryId, string reference, string? prefix, string? delimiter, string? after, int amount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var validPrefix = ObjectPaths.Optional(prefix, "prefix");
        var validDelimiter = ObjectPaths.Optional(delimiter, "delimiter");
        var validAfter = ObjectPaths.Optional(after, "after");
        var from = Encoding.UTF8.GetBytes(validPrefix);
        await using var records = await _versions.ListAsync(repositoryId, reference, from, cancellationToken);
        return await DelimitedLister.ListAsync(records, validPrefix, validDelimiter, validAfter, amount, cancellationToken);
    }

    /// <summary>Where an entry's data lives in the block store.</summary>
    public static ObjectPointer PointerOf(ObjectEntry entry, StorageNamespace storageNamespace)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.AddressKind == AddressKind.Full
            ? ObjectPointer.Full(entry.Address)
            : ObjectPointer.Relative(storageNamespace, entry.Address);
    }

    // lakeFS names the branch in an upload's 404 (docs/objects.md, "Upload").
    private async Task EnsureBranchAsync(string repositoryId, string branchId, CancellationToken cancellationToken)
    {
        try
        {
            await _versions.GetBranchAsync(repositoryId, branchId, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound && e.Message == "branch not found")
        {
            throw TarnException.NotFound($"branch '{branchId}' not found");
        }
    }

    private static TarnException PathExists() => new(ErrorKind.PreconditionFailed, PathExistsMessage);
}
