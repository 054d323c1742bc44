using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tarn.Gateway.S3.Checksums;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Body;

/// <summary>
/// Decodes an aws-chunked body (docs/gateway.md, "Request bodies") while it streams, through a 64 KiB read-ahead buffer:
/// <c>&lt;hex-size&gt;[;chunk-signature=&lt;sig&gt;]\r\n&lt;data&gt;\r\n</c> … a zero-size chunk, then
/// optional trailer lines and an empty line. Chunk signatures, the trailer checksum and signature and the
/// decoded length are checked as soon as each is complete; a failure throws from the read that reaches it,
/// always before the end of the body is reported, so a consumer that records an object only after
/// reading to the end never records one that failed. Data of a chunk is passed on before its signature is
/// checked (at the chunk's end): buffering whole chunks would cost up to their size in memory per request.
/// </summary>
public sealed class AwsChunkedStream : ForwardReadStream
{
    private const int MaxLineLength = 4096;
    private const int MaxTrailerLines = 16;
    private const int MaxChunkSizeDigits = 15;
    private const string ChunkSignaturePrefix = "chunk-signature=";
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    private readonly Stream _inner;
    private readonly AwsChunkedOptions _options;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly IChecksum? _trailerChecksum;
    private readonly IncrementalHash? _chunkHash;
    private int _start;
    private int _end;
    private State _state = State.ChunkHeader;
    private long _chunkRemaining;
    private string _chunkSignature = "";
    private long _decoded;

    public AwsChunkedStream(Stream inner, AwsChunkedOptions options)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _trailerChecksum = options.TrailerChecksum is { } algorithm ? ChecksumHeaders.Create(algorithm) : null;
        _chunkHash = options.Signatures is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    private enum State
    {
        ChunkHeader,
        ChunkData,
        ChunkEnd,
        Done,
    }

    /// <summary>Bytes of decoded data delivered so far.</summary>
    public long DecodedLength => _decoded;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return 0;
                case State.ChunkHeader:
                    await ReadChunkHeaderAsync(cancellationToken);
                    break;
                case State.ChunkEnd:
                    if (await ReadLineAsync(allowEnd: false, cancellationToken) is not { Length: 0 })
                    {
                        throw new S3ErrorException(S3Errors.MalformedChunkedBody, "A chunk's data is not followed by CRLF.");
                    }

                    VerifyChunkSignature();
                    _state = State.ChunkHeader;
                    break;
                default:
                    if (_chunkRemaining == 0)
                    {
                        _state = State.ChunkEnd;
                        break;
                    }

                    if (_start == _end && !await FillAsync(cancellationToken))
                    {
                        throw new S3ErrorException(S3Errors.IncompleteBody, "The body ended inside a chunk.");
                    }

                    var count = (int)Math.Min(Math.Min(buffer.Length, _end - _start), _chunkRemaining);
                    var data = _buffer.AsSpan(_start, count);
                    data.CopyTo(buffer.Span);
                    _chunkHash?.AppendData(data);
                    _trailerChecksum?.Append(data);
                    _start += count;
                    _chunkRemaining -= count;
                    _decoded += count;
                    return count;
            }
        }
    }

    private async Task ReadChunkHeaderAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(allowEnd: false, cancellationToken) ?? "";
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var sizeText = semicolon < 0 ? line : line[..semicolon];
        if (sizeText.Length is 0 or > MaxChunkSizeDigits
            || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw new S3ErrorException(S3Errors.MalformedChunkedBody, "A chunk size is not a hexadecimal number.");
        }

        if (_options.Signatures is not null)
        {
            var extension = semicolon < 0 ? "" : line[(semicolon + 1)..];
            if (!extension.StartsWith(ChunkSignaturePrefix, StringComparison.Ordinal))
            {
                throw new S3ErrorException(S3Errors.MalformedChunkedBody, "A chunk carries no chunk-signature.");
            }

            _chunkSignature = extension[ChunkSignaturePrefix.Length..];
        }

        if (_options.DecodedLength is { } declared && _decoded + size > declared)
        {
            throw new S3ErrorException(S3Errors.IncompleteBody, "The body is longer than x-amz-decoded-content-length.");
        }

        if (size > 0)
        {
            _chunkRemaining = size;
            _state = State.ChunkData;
            return;
        }

        VerifyChunkSignature();
        await ReadTrailerAsync(cancellationToken);
        if (_options.DecodedLength is { } expected && expected != _decoded)
        {
            throw new S3ErrorException(S3Errors.IncompleteBody, "The body is shorter than x-amz-decoded-content-length.");
        }

        _state = State.Done;
    }

    private void VerifyChunkSignature()
    {
        if (_options.Signatures is not { } chain)
        {
            return;
        }

        var hash = Convert.ToHexStringLower(_chunkHash!.GetHashAndReset());
        if (!chain.VerifyChunk(hash, _chunkSignature))
        {
            throw new S3ErrorException(S3Errors.SignatureDoesNotMatch, "A chunk signature does not match.");
        }
    }

    private async Task ReadTrailerAsync(CancellationToken cancellationToken)
    {
        var trailer = new List<(string Name, string Value)>();
        string? trailerSignature = null;
        while (await ReadLineAsync(allowEnd: true, cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!_options.ExpectsTrailer || colon <= 0 || trailer.Count >= MaxTrailerLines)
            {
                throw new S3ErrorException(S3Errors.MalformedTrailer);
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == TrailerSignatureName)
            {
                trailerSignature = value;
            }
            else
            {
                trailer.Add((name, value));
            }
        }

        if (_options.Signatures is { } chain && _options.ExpectsTrailer)
        {
            var canonical = string.Concat(trailer.Select(t => t.Name + ":" + t.Value + "\n"));
            if (trailerSignature is null || !chain.VerifyTrailer(canonical, trailerSignature))
            {
                throw new S3ErrorException(S3Errors.SignatureDoesNotMatch, "The trailer signature does not match.");
            }
        }

        if (_options.TrailerChecksumName is { } checksumName && _trailerChecksum is not null)
        {
            var sent = trailer.Find(t => t.Name == checksumName).Value;
            if (sent is null)
            {
                throw new S3ErrorException(S3Errors.MalformedTrailer, $"The trailer announced by x-amz-trailer ({checksumName}) is missing.");
            }

            if (Base64Digest.TryDecode(sent) is not { } expected)
            {
                throw new S3ErrorException(S3Errors.InvalidDigest, $"The {checksumName} trailer is not valid base64.");
            }

            if (!CryptographicOperations.FixedTimeEquals(_trailerChecksum.GetResult(), expected))
            {
                throw new S3ErrorException(S3Errors.BadDigest, $"The {checksumName} you specified did not match the calculated checksum.");
            }
        }
    }

    // One CRLF-terminated line (without the CRLF), at most 4 KiB; null at the end of the body when allowed.
    private async ValueTask<string?> ReadLineAsync(bool allowEnd, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + searched, _end - _start - searched);
            if (newline - _start > MaxLineLength || (newline < 0 && _end - _start > MaxLineLength))
            {
                throw new S3ErrorException(S3Errors.MalformedChunkedBody, "A chunk header or trailer line is longer than 4 KiB.");
            }

            if (newline >= 0)
            {
                if (newline == _start || _buffer[newline - 1] != '\r')
                {
                    throw new S3ErrorException(S3Errors.MalformedChunkedBody, "Chunk framing lines must end with CRLF.");
                }

                var line = Encoding.ASCII.GetString(_buffer, _start, newline - 1 - _start);
                _start = newline + 1;
                return line;
            }

            searched = _end - _start;
            if (!await FillAsync(cancellationToken))
            {
                if (allowEnd && _start == _end)
                {
                    return null;
                }

                throw new S3ErrorException(S3Errors.IncompleteBody, "The body ended inside the aws-chunked framing.");
            }
        }
    }

    // Reads more of the inner body behind what is buffered; false at its end.
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }
}
