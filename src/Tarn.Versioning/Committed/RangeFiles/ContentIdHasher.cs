using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// Computes a range file's content ID while it is written (versioning.md §19.6): SHA-256 over, for each
/// record, <c>decimal(len(key)) ‖ key ‖ "|" ‖ decimal(len(value)) ‖ value ‖ "|"</c> with value framed as
/// <c>zigzag-varint(len(identity)) ‖ identity ‖ zigzag-varint(len(data)) ‖ data</c>, then the string map
/// <c>{"type": "ranges"|"metaranges"}</c> in the §19.4 encoding. The physical layout (blocks, index,
/// footer) is not hashed, so the ID names the content, not the way it was stored.
/// </summary>
internal sealed class ContentIdHasher : IDisposable
{
    /// <summary>
    /// Hash input is gathered here and fed to SHA-256 in large pieces: each <c>AppendData</c> call costs
    /// an interop round trip, which for ~10 small fields per record used to cost more than the hashing.
    /// </summary>
    private const int FlushThreshold = 64 * 1024;

    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly PooledBuffer _pending = new(FlushThreshold + 1024);

    public void AddRecord(ReadOnlySpan<byte> key, ReadOnlySpan<byte> identity, ReadOnlySpan<byte> data)
    {
        var identityPrefix = Varint.Length((ulong)identity.Length * 2);
        var dataPrefix = Varint.Length((ulong)data.Length * 2);
        var framedLength = (long)identityPrefix + identity.Length + dataPrefix + data.Length;

        var header = _pending.GetSpan(32);
        key.Length.TryFormat(header, out var written, provider: CultureInfo.InvariantCulture);
        _pending.Advance(written);
        _pending.Write(key);
        _pending.Write("|"u8);
        header = _pending.GetSpan(48);
        framedLength.TryFormat(header, out written, provider: CultureInfo.InvariantCulture);
        // Go's signed varint of a length L is the unsigned varint of 2L (zig-zag of a non-negative number).
        written += Varint.Write(header[written..], (ulong)identity.Length * 2);
        _pending.Advance(written);
        _pending.Write(identity);
        _pending.WriteVarint((ulong)data.Length * 2);
        _pending.Write(data);
        _pending.Write("|"u8);
        if (_pending.Length >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Hashes the properties, returns the lowercase hex ID and resets for the next file.</summary>
    public string Finish(RangeFileType type)
    {
        // String map with one entry: 0x04, int64(count), then string key, string value (§19.4).
        _pending.Write([0x04]);
        WriteInt64(1);
        WriteString("type");
        WriteString(RangeFileFormat.TypeName(type));
        Flush();

        Span<byte> digest = stackalloc byte[32];
        _sha256.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose()
    {
        _sha256.Dispose();
        _pending.Dispose();
    }

    private void Flush()
    {
        _sha256.AppendData(_pending.WrittenSpan);
        _pending.Clear();
    }

    private void WriteInt64(long value)
    {
        var span = _pending.GetSpan(10);
        span[0] = 0x02;
        span[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(span[2..], value);
        _pending.Advance(10);
    }

    private void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        _pending.Write([0x01]);
        WriteInt64(bytes.Length);
        _pending.Write(bytes);
    }
}
