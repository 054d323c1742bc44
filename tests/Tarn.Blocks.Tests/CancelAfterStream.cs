namespace Tarn.Blocks.Tests;

/// <summary>
/// A source stream that serves <c>total</c> bytes but cancels a token once <c>cancelAfter</c> bytes
/// have been read, to simulate a client that goes away in the middle of an upload.
/// </summary>
internal sealed class CancelAfterStream(long total, long cancelAfter, CancellationTokenSource cancellation) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => total;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= cancelAfter)
        {
            cancellation.Cancel();
        }

        var read = (int)Math.Min(count, total - _position);
        buffer.AsSpan(offset, read).Fill(0x5A);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
