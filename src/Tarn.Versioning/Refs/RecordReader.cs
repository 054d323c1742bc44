using System.Text;

namespace Tarn.Versioning.Refs;

/// <summary>Reads what <see cref="RecordWriter"/> wrote; any truncation or overflow is reported as corrupt data.</summary>
internal ref struct RecordReader
{
    private ReadOnlySpan<byte> _remaining;

    public RecordReader(ReadOnlySpan<byte> data) => _remaining = data;

    public readonly bool AtEnd => _remaining.IsEmpty;

    public byte ReadByte()
    {
        if (_remaining.IsEmpty)
        {
            throw Corrupt();
        }

        var value = _remaining[0];
        _remaining = _remaining[1..];
        return value;
    }

    public bool ReadBool() => ReadByte() != 0;

    public ulong ReadVarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt();
    }

    public long ReadVarInt()
    {
        var raw = ReadVarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadLength();
        var value = _remaining[..length];
        _remaining = _remaining[length..];
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public List<string> ReadStringList()
    {
        var count = ReadLength(elementSize: 1);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadString());
        }

        return list;
    }

    public Dictionary<string, string> ReadStringMap()
    {
        var count = ReadLength(elementSize: 2);
        var map = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadString();
        }

        return map;
    }

    /// <summary>A length or count that cannot exceed what is left (each element takes at least <paramref name="elementSize"/> bytes).</summary>
    private int ReadLength(int elementSize = 1)
    {
        var length = ReadVarUInt();
        if (length > (ulong)(_remaining.Length / elementSize))
        {
            throw Corrupt();
        }

        return (int)length;
    }

    private static InvalidDataException Corrupt() => new("A stored versioning record is truncated or corrupt.");
}
