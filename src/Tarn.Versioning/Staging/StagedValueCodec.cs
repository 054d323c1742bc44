using Tarn.Versioning.Model;

namespace Tarn.Versioning.Staging;

/// <summary>
/// The KV value of one staged key (the key itself is the path bytes, the partition the token):
/// <code>
/// tombstone: 0x00
/// value:     0x01 ‖ LEB128(len(identity)) ‖ identity ‖ data (the rest)
/// </code>
/// Overhead is 2 bytes plus the identity, so a typical object entry (32-byte identity, ~150-byte
/// entry data) takes ~185 bytes of value and, with a ~60-byte path as key, stays well under 300 bytes.
/// </summary>
internal static class StagedValueCodec
{
    private const byte TombstoneTag = 0x00;
    private const byte ValueTag = 0x01;

    public static readonly byte[] Tombstone = [TombstoneTag];

    public static byte[] Encode(Value value)
    {
        var identity = value.Identity;
        Span<byte> length = stackalloc byte[5];
        var lengthSize = WriteVarUInt(length, (uint)identity.Length);
        var encoded = new byte[1 + lengthSize + identity.Length + value.Data.Length];
        encoded[0] = ValueTag;
        length[..lengthSize].CopyTo(encoded.AsSpan(1));
        identity.CopyTo(encoded.AsSpan(1 + lengthSize));
        value.Data.CopyTo(encoded.AsSpan(1 + lengthSize + identity.Length));
        return encoded;
    }

    /// <summary>The value, or null for a tombstone.</summary>
    public static Value? Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length == 1 && encoded[0] == TombstoneTag)
        {
            return null;
        }

        if (encoded.IsEmpty || encoded[0] != ValueTag)
        {
            throw Corrupt();
        }

        var rest = encoded[1..];
        uint identityLength = 0;
        var shift = 0;
        var consumed = 0;
        while (true)
        {
            if (consumed >= rest.Length || shift > 28)
            {
                throw Corrupt();
            }

            var b = rest[consumed++];
            identityLength |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        rest = rest[consumed..];
        if (identityLength > (uint)rest.Length)
        {
            throw Corrupt();
        }

        return new Value(rest[..(int)identityLength].ToArray(), rest[(int)identityLength..].ToArray());
    }

    public static bool IsTombstone(ReadOnlySpan<byte> encoded) => encoded.Length == 1 && encoded[0] == TombstoneTag;

    private static int WriteVarUInt(Span<byte> destination, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            destination[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[n++] = (byte)value;
        return n;
    }

    private static InvalidDataException Corrupt() => new("A staged value is truncated or corrupt.");
}
