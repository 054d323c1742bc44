namespace Tarn.Load.Api;

/// <summary>
/// A read-only stream of <c>length</c> bytes cycled from one random 64 KiB block: big uploads are produced on the fly,
/// never held in memory. The content is incompressible enough for a store that does not compress.
/// </summary>
internal sealed class GeneratedStream : Stream
{
    private static readonly byte[] Pattern = CreatePattern();
    private readonly long _length;
    private long _position;

    public GeneratedStream(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = _length - _position;
        var wanted = (int)Math.Min(buffer.Length, remaining);
        var written = 0;
        while (written < wanted)
        {
            var patternOffset = (int)((_position + written) % Pattern.Length);
            var chunk = Math.Min(wanted - written, Pattern.Length - patternOffset);
            Pattern.AsSpan(patternOffset, chunk).CopyTo(buffer[written..]);
            written += chunk;
        }

        _position += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] CreatePattern()
    {
        var pattern = new byte[64 * 1024];
        new Random(7).NextBytes(pattern);
        return pattern;
    }
}
