namespace Tarn.Blocks;

/// <summary>
/// An open read of an object (or of a range of it). The caller owns it and must dispose it, which
/// closes <see cref="Data"/>.
/// </summary>
public sealed class BlockContent : IDisposable, IAsyncDisposable
{
    public BlockContent(Stream data, long objectSize, long offset, long length, DateTimeOffset lastModified, string? eTag)
    {
        Data = data;
        ObjectSize = objectSize;
        Offset = offset;
        Length = length;
        LastModified = lastModified;
        ETag = eTag;
    }

    /// <summary>Exactly <see cref="Length"/> bytes, starting at <see cref="Offset"/> of the object.</summary>
    public Stream Data { get; }

    /// <summary>The whole object's size (for <c>Content-Range: bytes a-b/size</c>).</summary>
    public long ObjectSize { get; }

    public long Offset { get; }

    public long Length { get; }

    public DateTimeOffset LastModified { get; }

    /// <summary>The store's ETag when it is cheap to get; null otherwise.</summary>
    public string? ETag { get; }

    /// <summary>True when only part of the object is being read.</summary>
    public bool IsPartial => Length != ObjectSize;

    public void Dispose() => Data.Dispose();

    public ValueTask DisposeAsync() => Data.DisposeAsync();
}
