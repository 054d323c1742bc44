using Microsoft.AspNetCore.Http;
using Tarn.Core;

namespace Tarn.Api.Objects;

/// <summary>
/// The <c>content</c> part of an upload form, read-only. The form reader reports a body that ends before the
/// part's closing boundary as an <see cref="IOException"/> from the part's stream; that is a malformed request
/// (400), not a server failure, so this turns it into an <see cref="ErrorKind.InvalidArgument"/> error.
/// Failures of the connection itself (<see cref="BadHttpRequestException"/>) pass through unchanged.
/// </summary>
internal sealed class FormPartStream(Stream part) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return part.Read(buffer, offset, count);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw Malformed(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await part.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw Malformed(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static TarnException Malformed(IOException e) =>
        new(ErrorKind.InvalidArgument, "malformed multipart/form-data body: " + e.Message, e);
}
