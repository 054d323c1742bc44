using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Tarn.Core;
using Tarn.Versioning.Hashing;
using Tarn.Versioning.Model;

namespace Tarn.Catalog.Entries;

/// <summary>
/// Turns object entries into engine values and back. The data is a compact binary record (about 100 bytes
/// for a typical entry, so a staged entry stays well under 300 bytes of metadata store):
/// <code>
/// version (1) | address kind (1) | mtime ticks, 0 = none (int64 BE) | size (int64 BE)
/// | address | checksum | content type (each: varint length + UTF-8) | metadata count (varint)
/// | per key in ordinal order: key, value (varint length + UTF-8)
/// </code>
/// The identity is <see cref="ObjectIdentity"/> over size, checksum, metadata and content type.
/// </summary>
public static class EntryCodec
{
    private const byte FormatVersion = 1;

    public static Value Encode(ObjectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var identity = ObjectIdentity.Compute(entry.Size, entry.Checksum, entry.Metadata, entry.ContentType);
        var buffer = new ArrayBufferWriter<byte>(128);
        var header = buffer.GetSpan(18);
        header[0] = FormatVersion;
        header[1] = (byte)entry.AddressKind;
        BinaryPrimitives.WriteInt64BigEndian(header[2..], entry.LastModified?.UtcTicks ?? 0);
        BinaryPrimitives.WriteInt64BigEndian(header[10..], entry.Size);
        buffer.Advance(18);
        WriteString(buffer, entry.Address);
        WriteString(buffer, entry.Checksum);
        WriteString(buffer, entry.ContentType);
        WriteVarint(buffer, (ulong)entry.Metadata.Count);
        foreach (var (key, value) in entry.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteString(buffer, key);
            WriteString(buffer, value);
        }

        return new Value(identity, buffer.WrittenSpan.ToArray());
    }

    public static ObjectEntry Decode(Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var data = value.Data.AsSpan();
        if (data.Length < 18 || data[0] != FormatVersion)
        {
            throw new TarnException(ErrorKind.Internal, "stored entry has an unknown format");
        }

        var kind = (AddressKind)data[1];
        var ticks = BinaryPrimitives.ReadInt64BigEndian(data[2..]);
        var size = BinaryPrimitives.ReadInt64BigEndian(data[10..]);
        var position = 18;
        var address = ReadString(data, ref position);
        var checksum = ReadString(data, ref position);
        var contentType = ReadString(data, ref position);
        var count = (int)ReadVarint(data, ref position);
        var metadata = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString(data, ref position);
            metadata[key] = ReadString(data, ref position);
        }

        return new ObjectEntry
        {
            Address = address,
            AddressKind = kind,
            LastModified = ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
            Size = size,
            Checksum = checksum,
            ContentType = contentType,
            Metadata = metadata,
        };
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteVarint(buffer, (ulong)length);
        Encoding.UTF8.GetBytes(text, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int position)
    {
        var length = (int)ReadVarint(data, ref position);
        var text = Encoding.UTF8.GetString(data.Slice(position, length));
        position += length;
        return text;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        var span = buffer.GetSpan(10);
        var written = 0;
        while (value >= 0x80)
        {
            span[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[written++] = (byte)value;
        buffer.Advance(written);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new TarnException(ErrorKind.Internal, "stored entry has a malformed length");
    }
}
