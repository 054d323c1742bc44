using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Versioning.Hashing;

/// <summary>
/// Feeds lakeFS's typed, length-prefixed encoding (docs/commits.md, "Hash encoding") into a SHA-256. Every element
/// starts with a type byte so that, e.g., the string "ab" and the bytes "ab" hash differently, and every
/// variable-length element carries its length, so concatenations cannot collide.
/// </summary>
/// <remarks>
/// Nothing is buffered: elements go straight into an <see cref="IncrementalHash"/>, small strings are
/// encoded on the stack and large ones in a pooled buffer. One writer produces one digest; call a
/// <c>GetHash…</c> method once, after which the writer is ready for a new digest.
/// </remarks>
public sealed class AddressWriter : IDisposable
{
    /// <summary>Size of the SHA-256 digest in bytes.</summary>
    public const int HashSize = 32;

    private const byte BytesType = 0x00;
    private const byte StringType = 0x01;
    private const byte Int64Type = 0x02;
    private const byte StringListType = 0x03;
    private const byte StringMapType = 0x04;
    private const byte EmbeddedHashType = 0x05;
    private const int Int64Size = 10;
    private const int StackEncodeLimit = 256;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>int64: <c>0x02 0x08</c> then the value as 8 big-endian bytes.</summary>
    public void WriteInt64(long value)
    {
        Span<byte> buffer = stackalloc byte[Int64Size];
        FormatInt64(buffer, value);
        _hash.AppendData(buffer);
    }

    /// <summary>string: <c>0x01</c>, int64 of the UTF-8 length, the UTF-8 bytes.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackEncodeLimit
            ? stackalloc byte[StackEncodeLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            WriteTyped(StringType, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>bytes: <c>0x00</c>, int64 of the length, the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value) => WriteTyped(BytesType, value);

    /// <summary>string list: <c>0x03</c>, int64 of the count, each element as a string.</summary>
    public void WriteStringList(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        WriteCountHeader(StringListType, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            WriteString(values[i]);
        }
    }

    /// <summary>
    /// Only the header of a string list (<c>0x03</c> and the count): callers that hold the elements in
    /// another shape (e.g. typed IDs) follow it with exactly <paramref name="count"/> <see cref="WriteString"/> calls.
    /// </summary>
    public void WriteStringListHeader(int count) => WriteCountHeader(StringListType, count);

    /// <summary>
    /// string map: <c>0x04</c>, int64 of the count, then key and value (both strings) for each key in
    /// ascending UTF-8 byte order. A null map is the empty map.
    /// </summary>
    public void WriteStringMap(IReadOnlyDictionary<string, string>? map)
    {
        var count = map?.Count ?? 0;
        WriteCountHeader(StringMapType, count);
        if (map is null || count == 0)
        {
            return;
        }

        var keys = ArrayPool<string>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var key in map.Keys)
            {
                keys[n++] = key;
            }

            Array.Sort(keys, 0, n, Utf8Order.Instance);
            for (var i = 0; i < n; i++)
            {
                WriteString(keys[i]);
                WriteString(map[keys[i]]);
            }
        }
        finally
        {
            ArrayPool<string>.Shared.Return(keys, clearArray: true);
        }
    }

    /// <summary>embedded hash: <c>0x05</c>, then the embedded object's digest encoded as bytes.</summary>
    public void WriteEmbeddedHash(ReadOnlySpan<byte> digest)
    {
        Span<byte> type = [EmbeddedHashType];
        _hash.AppendData(type);
        WriteBytes(digest);
    }

    /// <summary>Writes the digest of everything written so far into <paramref name="destination"/> and resets.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        if (!_hash.TryGetHashAndReset(destination, out var written) || written != HashSize)
        {
            throw new ArgumentException($"The destination must hold {HashSize} bytes.", nameof(destination));
        }
    }

    /// <summary>The digest of everything written so far; resets the writer.</summary>
    public byte[] GetHashAndReset() => _hash.GetHashAndReset();

    /// <summary>The digest as 64 lowercase hex characters; resets the writer.</summary>
    public string GetHexHashAndReset()
    {
        Span<byte> digest = stackalloc byte[HashSize];
        GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _hash.Dispose();

    private void WriteTyped(byte type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[1 + Int64Size];
        header[0] = type;
        FormatInt64(header[1..], payload.Length);
        _hash.AppendData(header);
        _hash.AppendData(payload);
    }

    private void WriteCountHeader(byte type, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Span<byte> header = stackalloc byte[1 + Int64Size];
        header[0] = type;
        FormatInt64(header[1..], count);
        _hash.AppendData(header);
    }

    private static void FormatInt64(Span<byte> destination, long value)
    {
        destination[0] = Int64Type;
        destination[1] = sizeof(long);
        BinaryPrimitives.WriteInt64BigEndian(destination[2..], value);
    }
}
