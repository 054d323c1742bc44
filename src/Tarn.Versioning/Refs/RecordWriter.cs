using System.Buffers;
using System.Text;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Builds the compact binary values stored in the KV store: unsigned LEB128 varints, length-prefixed
/// UTF-8 strings and byte strings, maps written in a fixed key order. The output is canonical (equal
/// records give equal bytes), which compare-and-swap on re-encoded records depends on.
/// </summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public RecordWriter(int initialCapacity = 128) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteVarUInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    /// <summary>Zig-zag, so small negative numbers stay short.</summary>
    public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarUInt((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void WriteStringList<T>(IReadOnlyList<T> values, Func<T, string> toString)
    {
        WriteVarUInt((ulong)values.Count);
        foreach (var value in values)
        {
            WriteString(toString(value));
        }
    }

    /// <summary>Keys in ordinal order, so the same map always encodes to the same bytes.</summary>
    public void WriteStringMap(IReadOnlyDictionary<string, string> map)
    {
        WriteVarUInt((ulong)map.Count);
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            WriteString(key);
            WriteString(map[key]);
        }
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
