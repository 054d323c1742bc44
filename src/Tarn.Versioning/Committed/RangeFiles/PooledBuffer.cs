using System.Buffers;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: writers reuse it across files,
/// so after warm-up appending costs no allocation at all.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialCapacity) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    public Span<byte> WrittenSpanMutable => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, Length);

    /// <summary>Empties the buffer and makes it exactly <paramref name="length"/> bytes long, to be filled through the returned memory.</summary>
    public Memory<byte> ResetTo(int length)
    {
        Length = 0;
        EnsureFree(length);
        Length = length;
        return _array.AsMemory(0, length);
    }

    /// <summary>A span of at least <paramref name="sizeHint"/> free bytes; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureFree(sizeHint);
        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Write(ReadOnlySpan<byte> data)
    {
        EnsureFree(data.Length);
        data.CopyTo(_array.AsSpan(Length));
        Length += data.Length;
    }

    public void WriteVarint(ulong value) => Length += Varint.Write(GetSpan(Varint.MaxLength), value);

    public void Clear() => Length = 0;

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void EnsureFree(int count)
    {
        var needed = (long)Length + count;
        if (needed <= _array.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("range file would exceed the maximum array size");
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_array.Length * 2)));
        _array.AsSpan(0, Length).CopyTo(grown);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = grown;
    }
}
