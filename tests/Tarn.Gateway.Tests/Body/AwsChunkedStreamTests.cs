using System.Security.Cryptography;
using System.Text;
using Tarn.Gateway.S3.Body;
using Tarn.Gateway.S3.Checksums;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.Tests.Body;

/// <summary>aws-chunked framing built by hand, with the chunk signatures computed here from the AWS algorithm.</summary>
public sealed class AwsChunkedStreamTests
{
    private const string AmzDate = "20130524T000000Z";
    private const string Scope = "20130524/us-east-1/s3/aws4_request";
    private const string Seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task Signed_chunks_decode_to_the_data()
    {
        var (body, data) = SignedBody(65_536, 1_000);

        Assert.Equal(data, await DecodeAsync(body, Signed(data.Length)));
    }

    [Fact]
    public async Task An_altered_chunk_fails_its_signature_before_the_end_is_reported()
    {
        var (body, _) = SignedBody(1_000, 500);
        var dataStart = Encoding.ASCII.GetString(body).IndexOf("\r\n", StringComparison.Ordinal) + 2;
        body[dataStart + 10] ^= 0xFF;

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Signed(1_500)));

        Assert.Equal("SignatureDoesNotMatch", error.Error.Code);
    }

    [Fact]
    public async Task Swapped_chunks_fail_the_chain()
    {
        var (body, _) = SignedBody(100, 100);
        const int blockLength = 19 + 64 + 2 + 100 + 2; // "64;chunk-signature=" + signature + CRLF + data + CRLF
        var swapped = body[blockLength..(2 * blockLength)].Concat(body[..blockLength]).Concat(body[(2 * blockLength)..]).ToArray();

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(swapped, Signed(200)));

        Assert.Equal("SignatureDoesNotMatch", error.Error.Code);
    }

    [Fact]
    public async Task A_decoded_length_that_differs_is_IncompleteBody()
    {
        var (body, data) = SignedBody(100, 50);

        var shorter = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Signed(data.Length - 1)));
        var longer = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Signed(data.Length + 1)));

        Assert.Equal("IncompleteBody", shorter.Error.Code);
        Assert.Equal("IncompleteBody", longer.Error.Code);
    }

    [Fact]
    public async Task A_truncated_body_is_IncompleteBody()
    {
        var (body, _) = SignedBody(100, 50);

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body[..120], Signed(null)));

        Assert.Equal("IncompleteBody", error.Error.Code);
    }

    [Fact]
    public async Task An_overlong_chunk_header_is_refused()
    {
        var body = Encoding.ASCII.GetBytes("10;" + new string('x', 5000) + "\r\n");

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Unsigned(null, null)));

        Assert.Contains("4 KiB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32")]
    [InlineData(ChecksumAlgorithm.Crc32C, "x-amz-checksum-crc32c")]
    [InlineData(ChecksumAlgorithm.Sha256, "x-amz-checksum-sha256")]
    public async Task Unsigned_chunks_with_a_trailer_verify_the_checksum(ChecksumAlgorithm algorithm, string name)
    {
        var data = RandomNumberGenerator.GetBytes(3000);
        var checksum = ChecksumHeaders.Create(algorithm);
        checksum.Append(data);
        var trailer = $"{name}:{Convert.ToBase64String(checksum.GetResult())}\r\n";
        var body = UnsignedBody(data, 1024, trailer);

        Assert.Equal(data, await DecodeAsync(body, Unsigned(algorithm, name, data.Length)));
    }

    [Fact]
    public async Task A_wrong_trailer_checksum_is_BadDigest()
    {
        var data = RandomNumberGenerator.GetBytes(100);
        var body = UnsignedBody(data, 64, "x-amz-checksum-crc32:AAAAAA==\r\n");

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Unsigned(ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32")));

        Assert.Equal("BadDigest", error.Error.Code);
    }

    [Fact]
    public async Task A_missing_announced_trailer_is_MalformedTrailerError()
    {
        var body = UnsignedBody([1, 2, 3], 64, "");

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Unsigned(ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32")));

        Assert.Equal("MalformedTrailerError", error.Error.Code);
    }

    [Fact]
    public async Task Framing_lines_must_end_with_crlf()
    {
        var body = Encoding.ASCII.GetBytes("3\nabc\r\n0\r\n\r\n");

        var error = await Assert.ThrowsAsync<S3ErrorException>(() => DecodeAsync(body, Unsigned(null, null)));

        Assert.Equal("IncompleteBody", error.Error.Code);
    }

    private static AwsChunkedOptions Signed(long? decodedLength) =>
        new(new ChunkSignatureChain(SigningKey, AmzDate, Scope, Seed), ExpectsTrailer: false, null, null, decodedLength);

    private static AwsChunkedOptions Unsigned(ChecksumAlgorithm? algorithm, string? name, long? decodedLength = null) =>
        new(null, ExpectsTrailer: true, algorithm, name, decodedLength);

    private static async Task<byte[]> DecodeAsync(byte[] body, AwsChunkedOptions options)
    {
        await using var stream = new AwsChunkedStream(new MemoryStream(body), options);
        using var output = new MemoryStream();
        // Small reads exercise the state machine at every boundary.
        var buffer = new byte[777];
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    // Chunks of the given sizes plus the final empty chunk, each signed as AWS specifies.
    private static (byte[] Body, byte[] Data) SignedBody(params int[] sizes)
    {
        var data = RandomNumberGenerator.GetBytes(sizes.Sum());
        using var body = new MemoryStream();
        var previous = Seed;
        var offset = 0;
        foreach (var size in sizes.Append(0))
        {
            var chunk = data.AsSpan(offset, size);
            var toSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{AmzDate}\n{Scope}\n{previous}\n{Hex(SHA256.HashData([]))}\n{Hex(SHA256.HashData(chunk))}";
            previous = Hex(HMACSHA256.HashData(SigningKey, Encoding.UTF8.GetBytes(toSign)));
            body.Write(Encoding.ASCII.GetBytes($"{size:x};chunk-signature={previous}\r\n"));
            body.Write(chunk);
            body.Write("\r\n"u8);
            offset += size;
        }

        return (body.ToArray(), data);
    }

    private static byte[] UnsignedBody(byte[] data, int chunkSize, string trailer)
    {
        using var body = new MemoryStream();
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            var size = Math.Min(chunkSize, data.Length - offset);
            body.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            body.Write(data, offset, size);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes("0\r\n" + trailer + "\r\n"));
        return body.ToArray();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
