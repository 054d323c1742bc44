using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// Gathers the input of a range file's content ID while it is written (docs/range-format.md, "Data block"): for each
/// record, <c>decimal(len(key)) ‖ key ‖ "|" ‖ decimal(len(value)) ‖ value ‖ "|"</c> with value framed as
/// <c>zigzag-varint(len(identity)) ‖ identity ‖ zigzag-varint(len(data)) ‖ data</c>, then the string map
/// <c>{"type": "ranges"|"metaranges"}</c> in the encoding of docs/commits.md, "Hash encoding". The ID is the SHA-256 of that input. The
/// physical layout (blocks, index, footer) is not hashed, so the ID names the content, not the way it was
/// stored.
/// </summary>
/// <remarks>
/// The input is kept whole instead of being fed to SHA-256 as it grows: hashing is the costliest step of
/// writing a range (it reads every byte once more), and keeping it separate lets a caller with a spare core
/// hash one file while the next is being written (<see cref="RangeFileWriter.FinishUnhashed"/>).
/// </remarks>
internal sealed class ContentIdHasher : IDisposable
{
    private const int InitialCapacity = 64 * 1024;

    private PooledBuffer _input = new(InitialCapacity);

    public void AddRecord(ReadOnlySpan<byte> key, ReadOnlySpan<byte> identity, ReadOnlySpan<byte> data)
    {
        var identityPrefix = Varint.Length((ulong)identity.Length * 2);
        var dataPrefix = Varint.Length((ulong)data.Length * 2);
        var framedLength = (long)identityPrefix + identity.Length + dataPrefix + data.Length;

        var header = _input.GetSpan(32);
        key.Length.TryFormat(header, out var written, provider: CultureInfo.InvariantCulture);
        _input.Advance(written);
        _input.Write(key);
        _input.Write("|"u8);
        header = _input.GetSpan(48);
        framedLength.TryFormat(header, out written, provider: CultureInfo.InvariantCulture);
        // Go's signed varint of a length L is the unsigned varint of 2L (zig-zag of a non-negative number).
        written += Varint.Write(header[written..], (ulong)identity.Length * 2);
        _input.Advance(written);
        _input.Write(identity);
        _input.WriteVarint((ulong)data.Length * 2);
        _input.Write(data);
        _input.Write("|"u8);
    }

    /// <summary>Hashes the properties and the records added so far, returns the lowercase hex ID and resets.</summary>
    public string Finish(RangeFileType type)
    {
        AppendProperties(type);
        var id = Hash(_input);
        _input.Clear();
        return id;
    }

    /// <summary>
    /// Completes the input with the properties and hands it over (the caller disposes it, usually after
    /// <see cref="Hash"/>); the hasher continues with a fresh buffer for the next file.
    /// </summary>
    public PooledBuffer TakeInput(RangeFileType type)
    {
        AppendProperties(type);
        var input = _input;
        // Files of one writer have similar sizes: starting at the last one's size avoids growing (and copying) again.
        _input = new PooledBuffer(Math.Max(InitialCapacity, input.Length));
        return input;
    }

    /// <summary>Discards what was added for the current file.</summary>
    public void Reset() => _input.Clear();

    /// <summary>The content ID of a completed input: lowercase hex SHA-256. Safe on any thread.</summary>
    public static string Hash(PooledBuffer input)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _input.Dispose();

    private void AppendProperties(RangeFileType type)
    {
        // String map with one entry: 0x04, int64(count), then string key, string value (docs/commits.md, "Hash encoding").
        _input.Write([0x04]);
        WriteInt64(1);
        WriteString("type");
        WriteString(RangeFileFormat.TypeName(type));
    }

    private void WriteInt64(long value)
    {
        var span = _input.GetSpan(10);
        span[0] = 0x02;
        span[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(span[2..], value);
        _input.Advance(10);
    }

    private void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        _input.Write([0x01]);
        WriteInt64(bytes.Length);
        _input.Write(bytes);
    }
}
