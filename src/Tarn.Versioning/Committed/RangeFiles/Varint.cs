namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>Unsigned LEB128 varints: 7 bits per byte, least significant group first, high bit = "more follows".</summary>
internal static class Varint
{
    /// <summary>The longest encoding of a 64-bit value.</summary>
    public const int MaxLength = 10;

    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static int Length(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>Reads a varint at <paramref name="position"/> and moves past it; throws <see cref="FormatException"/> on truncation or overflow.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if ((uint)position >= (uint)source.Length)
            {
                throw new FormatException("truncated varint");
            }

            var b = source[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("varint longer than 64 bits");
    }

    /// <summary>Reads a varint that must fit a non-negative <see cref="int"/> (a length or an offset).</summary>
    public static int ReadInt32(ReadOnlySpan<byte> source, ref int position)
    {
        var value = Read(source, ref position);
        return value <= int.MaxValue ? (int)value : throw new FormatException("length out of range");
    }
}
