using Microsoft.Win32.SafeHandles;

namespace Tarn.Blocks.Local;

/// <summary>
/// Stores objects as files under one root directory (<c>blockstore.type: local</c>). Namespace
/// <c>local://a/b</c> is the folder <c>&lt;root&gt;/a/b/</c>; writes are atomic and durable (see
/// <see cref="AtomicFile"/>), and no key or address can reach outside the root (see <see cref="LocalPaths"/>).
/// </summary>
/// <remarks>
/// A file system cannot hold both <c>a</c> and <c>a/b</c>; storing the second is a Conflict. ETags of
/// stored files are not kept, so <see cref="HeadAsync"/> and <see cref="GetAsync"/> report none.
/// </remarks>
public sealed class LocalBlockAdapter : IBlockAdapter
{
    /// <summary>Reads up to this size are done synchronously into memory (see <see cref="GetAsync"/>).</summary>
    private const long SmallReadBytes = 64 * 1024;

    private readonly LocalPaths _paths;
    private readonly LocalMultipartUploads _uploads;

    public LocalBlockAdapter(LocalBlockstoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _paths = new LocalPaths(options.Path);
        Directory.CreateDirectory(_paths.Root);
        _uploads = new LocalMultipartUploads(_paths.UploadsDirectory);
        Description = new(
            BlockstoreType: LocalPaths.BlockstoreType,
            NamespaceValidityRegex: "^local://",
            NamespaceExample: "local://example-bucket/",
            ImportSupport: false,
            ImportValidityRegex: "^local://",
            PreSignSupport: true,
            PreSignAdvertised: options.AdvertisePreSigned);
    }

    /// <summary>The absolute root directory every object lives under.</summary>
    public string RootPath => _paths.Root;

    /// <remarks>
    /// Presigned URLs are supported although files cannot presign anything: the server issues and serves
    /// its own signed URLs for this store (<see cref="Presign.PresignedUrlSigner"/>), which lakeFS cannot do.
    /// They are not advertised unless configured: lakeFS reports no presigning on local storage, and clients
    /// told otherwise take paths that some of them (the Python <c>lakefs</c> package) get wrong.
    /// </remarks>
    public BlockstoreDescription Description { get; }

    public string GetPhysicalAddress(ObjectPointer pointer) => _paths.PhysicalAddress(pointer);

    public async Task<BlockWriteResult> PutAsync(ObjectPointer pointer, Stream data, long expectedSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        HashingCopy.CheckExpectedSize(expectedSize);
        var path = _paths.ObjectPath(pointer);
        var ((size, md5), lastModified) = await AtomicFile.WriteAsync(
            path, createDirectory: true, (file, token) => HashingCopy.CopyAsync(data, file, expectedSize, token), cancellationToken);
        return new BlockWriteResult(size, ETags.FromMd5(md5), lastModified);
    }

    public async Task PutContentAddressedAsync(ObjectPointer pointer, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = _paths.ObjectPath(pointer);
        await AtomicFile.WriteAsync(
            path,
            createDirectory: true,
            async (file, token) =>
            {
                await file.WriteAsync(content, token);
                return content.Length;
            },
            cancellationToken);
    }

    public Task<BlockContent> GetAsync(ObjectPointer pointer, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _paths.ObjectPath(pointer);
        var handle = OpenForRead(path, pointer);
        try
        {
            var size = RandomAccess.GetLength(handle);
            var lastModified = new DateTimeOffset(File.GetLastWriteTimeUtc(handle), TimeSpan.Zero);
            var (offset, length) = range?.Resolve(size) ?? (0, size);
            if (length <= SmallReadBytes)
            {
                // Small reads (most metadata-sized objects) are served from the page cache at once: an
                // asynchronous file read would hop to another thread and back, which costs more than the read.
                var bytes = ReadExactly(handle, offset, (int)length, pointer);
                handle.Dispose();
                return Task.FromResult(new BlockContent(new MemoryStream(bytes, writable: false), size, offset, length, lastModified, eTag: null));
            }

            var file = new FileStream(handle, FileAccess.Read, bufferSize: 4096, isAsync: true);
            file.Seek(offset, SeekOrigin.Begin);
            Stream data = length == size ? file : new BoundedReadStream(file, length);
            return Task.FromResult(new BlockContent(data, size, offset, length, lastModified, eTag: null));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public Task<BlockProperties?> HeadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(_paths.ObjectPath(pointer));
        return Task.FromResult(file.Exists
            ? new BlockProperties(file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), ETag: null)
            : null);
    }

    public Task DeleteAsync(ObjectPointer pointer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _paths.ObjectPath(pointer);
        try
        {
            // A folder at the path is "no object here" too: nothing to delete.
            if (!Directory.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }

    public IAsyncEnumerable<BlockListEntry> ListAsync(StorageNamespace storageNamespace, string prefix, CancellationToken cancellationToken = default)
    {
        BlockKeys.CheckPrefix(prefix);
        var directory = _paths.NamespaceDirectory(storageNamespace);
        return LocalTreeWalker.Walk(directory, prefix, cancellationToken).ToAsyncEnumerable();
    }

    public Task<string> CreateMultipartUploadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) =>
        _uploads.CreateAsync(_paths.ObjectPath(pointer), cancellationToken);

    public async Task<UploadedPart> UploadPartAsync(
        ObjectPointer pointer, string uploadId, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        PartNumbers.Check(partNumber);
        HashingCopy.CheckExpectedSize(expectedSize);
        var folder = await _uploads.OpenAsync(uploadId, _paths.ObjectPath(pointer), cancellationToken);
        try
        {
            var ((size, md5), _) = await AtomicFile.WriteAsync(
                LocalMultipartUploads.PartPath(folder, partNumber),
                createDirectory: false,
                (file, token) => HashingCopy.CopyAsync(data, file, expectedSize, token),
                cancellationToken);
            return new UploadedPart(partNumber, ETags.FromMd5(md5), size);
        }
        catch (DirectoryNotFoundException)
        {
            // Aborted or completed while this part was arriving.
            throw new MultipartUploadNotFoundException(uploadId);
        }
    }

    public async Task<BlockWriteResult> CompleteMultipartUploadAsync(
        ObjectPointer pointer, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default)
    {
        var target = _paths.ObjectPath(pointer);
        var folder = await _uploads.OpenAsync(uploadId, target, cancellationToken);
        PartNumbers.CheckList(parts);
        var missing = parts.FirstOrDefault(part => !File.Exists(LocalMultipartUploads.PartPath(folder, part.PartNumber)));
        if (missing is not null)
        {
            throw PartNumbers.Missing(missing.PartNumber);
        }

        var ((size, eTag), lastModified) = await AtomicFile.WriteAsync(
            target, createDirectory: true, (file, token) => ConcatenatePartsAsync(folder, parts, file, token), cancellationToken);
        LocalMultipartUploads.Delete(folder);
        return new BlockWriteResult(size, eTag, lastModified);
    }

    public async Task AbortMultipartUploadAsync(ObjectPointer pointer, string uploadId, CancellationToken cancellationToken = default)
    {
        var folder = await _uploads.OpenAsync(uploadId, _paths.ObjectPath(pointer), cancellationToken);
        LocalMultipartUploads.Delete(folder);
    }

    /// <summary>Streams the parts into <paramref name="destination"/>, checking each part's ETag on the way.</summary>
    private static async Task<(long Size, string ETag)> ConcatenatePartsAsync(
        string folder, IReadOnlyList<CompletedPart> parts, Stream destination, CancellationToken cancellationToken)
    {
        long size = 0;
        var partMd5s = new List<byte[]>(parts.Count);
        foreach (var part in parts)
        {
            FileStream source;
            try
            {
                source = new FileStream(LocalMultipartUploads.PartPath(folder, part.PartNumber), FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw PartNumbers.Missing(part.PartNumber);
            }

            await using (source)
            {
                var (partSize, md5) = await HashingCopy.CopyAsync(source, destination, HashingCopy.UnknownSize, cancellationToken);
                if (!string.Equals(ETags.Normalize(part.ETag), ETags.FromMd5(md5), StringComparison.Ordinal))
                {
                    throw PartNumbers.ETagMismatch(part.PartNumber);
                }

                size += partSize;
                partMd5s.Add(md5);
            }
        }

        return (size, ETags.Multipart(partMd5s));
    }

    private static SafeFileHandle OpenForRead(string path, ObjectPointer pointer)
    {
        try
        {
            // Delete sharing lets a concurrent put rename a new version over the file while this read
            // keeps the old one.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            throw new BlockNotFoundException(pointer.ToString(), e);
        }
    }

    private static byte[] ReadExactly(SafeFileHandle handle, long offset, int length, ObjectPointer pointer)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
            if (n == 0)
            {
                // Stored files are replaced by rename, never truncated in place; a short file is damage.
                throw new IOException($"{pointer} ended after {read} of {length} bytes");
            }

            read += n;
        }

        return bytes;
    }
}
