using System.Globalization;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>One frame of an aws-chunked body: the size line (size text and extension) and the data with its terminator.</summary>
internal sealed class ChunkFrame
{
    public required string SizeText { get; set; }

    /// <summary>What follows the size on its line, e.g. <c>;chunk-signature=…</c>; empty for unsigned chunks.</summary>
    public string Extension { get; set; } = "";

    public byte[] Data { get; set; } = [];

    /// <summary>The bytes after the data (CRLF); the final zero-size chunk has none.</summary>
    public string DataTerminator { get; set; } = "\r\n";
}

/// <summary>
/// An aws-chunked body (S3 API reference, "Transferring Payload in Multiple Chunks" and "… with trailing
/// headers") as editable frames, so the fuzzer can break one part and keep the rest well-formed:
/// <c>&lt;hex size&gt;[;chunk-signature=…]\r\n&lt;data&gt;\r\n</c> …, a zero-size chunk, trailer lines, an empty line.
/// </summary>
internal sealed class AwsChunkedBody
{
    public List<ChunkFrame> Frames { get; } = [];

    /// <summary>Trailer lines (without CRLF) after the final chunk.</summary>
    public List<string> Trailer { get; } = [];

    /// <summary>The empty line that ends the body.</summary>
    public string End { get; set; } = "\r\n";

    /// <summary>Bytes appended after the end.</summary>
    public byte[] Garbage { get; set; } = [];

    /// <summary>
    /// Splits <paramref name="data"/> into chunks; with <paramref name="seed"/> every chunk (and the final one)
    /// carries its chained signature; <paramref name="trailer"/> lines follow, signed too when <paramref name="seed"/> is set.
    /// </summary>
    public static AwsChunkedBody Create(byte[] data, int chunkSize, SigV4Signing? seed, IReadOnlyList<(string Name, string Value)> trailer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trailer);
        var body = new AwsChunkedBody();
        var previous = seed?.Signature;
        for (var offset = 0; offset <= data.Length; offset += chunkSize)
        {
            var chunk = data[offset..Math.Min(data.Length, offset + chunkSize)];
            if (chunk.Length == 0)
            {
                break;
            }

            body.Frames.Add(Frame(chunk, seed, ref previous));
        }

        var final = Frame([], seed, ref previous);
        final.DataTerminator = "";
        body.Frames.Add(final);
        foreach (var (name, value) in trailer)
        {
            body.Trailer.Add(name + ":" + value);
        }

        if (seed is not null && trailer.Count > 0)
        {
            var canonical = string.Concat(trailer.Select(t => t.Name + ":" + t.Value + "\n"));
            body.Trailer.Add("x-amz-trailer-signature:" + SigV4Signer.TrailerSignature(seed, previous!, canonical));
        }

        return body;
    }

    /// <summary>How many encoded bytes come before the final (zero-size) chunk: a cut before it leaves data unfinished.</summary>
    public int BytesBeforeFinalChunk => Frames.Take(Frames.Count - 1).Sum(f => Wire.Bytes(f.SizeText + f.Extension + "\r\n").Length + f.Data.Length + f.DataTerminator.Length);

    /// <summary>The decoded length the frames announce (their data bytes).</summary>
    public long DataLength => Frames.Sum(f => (long)f.Data.Length);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        foreach (var frame in Frames)
        {
            stream.Write(Wire.Bytes(frame.SizeText + frame.Extension + "\r\n"));
            stream.Write(frame.Data);
            stream.Write(Wire.Bytes(frame.DataTerminator));
        }

        foreach (var line in Trailer)
        {
            stream.Write(Wire.Bytes(line + "\r\n"));
        }

        stream.Write(Wire.Bytes(End));
        stream.Write(Garbage);
        return stream.ToArray();
    }

    private static ChunkFrame Frame(byte[] data, SigV4Signing? seed, ref string? previous)
    {
        var frame = new ChunkFrame { SizeText = data.Length.ToString("x", CultureInfo.InvariantCulture), Data = data };
        if (seed is not null)
        {
            previous = SigV4Signer.ChunkSignature(seed, previous!, data);
            frame.Extension = ";chunk-signature=" + previous;
        }

        return frame;
    }

    /// <summary>The base64 SHA-256 a <c>x-amz-checksum-sha256</c> header or trailer carries.</summary>
    public static string Sha256Base64(byte[] data) => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(data));

    public override string ToString() => Encoding.Latin1.GetString(ToBytes());
}
