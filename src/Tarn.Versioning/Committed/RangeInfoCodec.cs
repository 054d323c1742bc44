using System.Text;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Metarange records: key = the range's max key, identity = the range ID as ASCII hex, data =
/// <c>varint(len) min ‖ varint(len) max ‖ varint(count) ‖ varint(estimated size)</c>.
/// </summary>
internal static class RangeInfoCodec
{
    public const int IdLength = 64;

    public static void EncodeData(PooledBuffer destination, RangeInfo range)
    {
        destination.Clear();
        destination.WriteVarint((ulong)range.MinKey.Length);
        destination.Write(range.MinKey);
        destination.WriteVarint((ulong)range.MaxKey.Length);
        destination.Write(range.MaxKey);
        destination.WriteVarint((ulong)range.Count);
        destination.WriteVarint((ulong)range.EstimatedSize);
    }

    public static void EncodeIdentity(Span<byte> destination, RangeId id) => Encoding.ASCII.GetBytes(id.Value, destination);

    public static RangeInfo Decode(ReadOnlySpan<byte> key, ReadOnlySpan<byte> identity, ReadOnlySpan<byte> data)
    {
        if (identity.Length != IdLength || !IsHexId(identity))
        {
            throw new RangeFileCorruptException("metarange record does not name a range ID");
        }

        try
        {
            var position = 0;
            var minKey = ReadBytes(data, ref position);
            var maxKey = ReadBytes(data, ref position);
            var count = Varint.Read(data, ref position);
            var size = Varint.Read(data, ref position);
            if (position != data.Length || !key.SequenceEqual(maxKey) || count is 0 or > long.MaxValue || size > long.MaxValue)
            {
                throw new FormatException("malformed range header");
            }

            return new RangeInfo(new RangeId(Encoding.ASCII.GetString(identity)), minKey, maxKey, (long)count, (long)size);
        }
        catch (FormatException e)
        {
            throw new RangeFileCorruptException(e.Message, e);
        }
    }

    /// <summary>True for exactly 64 lowercase hex characters (what content IDs look like).</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: IdLength } && id.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    private static bool IsHexId(ReadOnlySpan<byte> id) => id.IndexOfAnyExcept("0123456789abcdef"u8) < 0;

    private static byte[] ReadBytes(ReadOnlySpan<byte> data, ref int position)
    {
        var length = Varint.ReadInt32(data, ref position);
        if ((long)position + length > data.Length)
        {
            throw new FormatException("truncated range header");
        }

        var bytes = data.Slice(position, length).ToArray();
        position += length;
        return bytes;
    }
}
