using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Checksums;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.S3.Body;

/// <summary>
/// Turns an authenticated request's body into the stream operations read (docs/gateway.md,
/// "Request bodies"): aws-chunked bodies decoded, and every digest the client declared — <c>x-amz-content-sha256</c>,
/// <c>Content-MD5</c>, <c>x-amz-checksum-*</c> headers, the trailer checksum — verified while streaming.
/// </summary>
public static class S3RequestBody
{
    /// <summary>
    /// The decoded, verifying body and the object length (<c>x-amz-decoded-content-length</c> for
    /// aws-chunked bodies, else <c>Content-Length</c>). <paramref name="chunkSignatures"/> is the chain for
    /// signed streaming payloads; null when the signature scheme cannot sign chunks (SigV2, presigned).
    /// </summary>
    public static (Stream Body, long? Length) Wrap(HttpRequest request, string payloadHash, ChunkSignatureChain? chunkSignatures)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(payloadHash);
        var checks = new List<BodyCheck>();
        Stream body = request.Body;
        var length = request.ContentLength;
        switch (payloadHash)
        {
            case SigV4.UnsignedPayload:
                break;
            case SigV4.StreamingSigned or SigV4.StreamingSignedTrailer or SigV4.StreamingUnsignedTrailer:
                var options = ChunkedOptions(request.Headers, payloadHash, chunkSignatures);
                body = new AwsChunkedStream(body, options);
                length = options.DecodedLength;
                break;
            case { Length: 64 } when payloadHash.All(char.IsAsciiHexDigit):
                checks.Add(new BodyCheck(ChecksumAlgorithm.Sha256, Convert.FromHexString(payloadHash), S3Errors.XAmzContentSha256Mismatch));
                break;
            default:
                throw new S3ErrorException(S3Errors.InvalidArgument,
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a STREAMING-… value, or a valid sha256 value.");
        }

        // The signed payload hash first: when several digests disagree with the body, report the signed one.
        checks.AddRange(DeclaredHeaderChecks(request.Headers));
        return (checks.Count == 0 ? body : new VerifyingStream(body, checks), length);
    }

    private static List<BodyCheck> DeclaredHeaderChecks(IHeaderDictionary headers)
    {
        var checks = new List<BodyCheck>();
        if (headers.ContentMD5.ToString() is { Length: > 0 } md5)
        {
            var expected = Base64Digest.TryDecode(md5);
            if (expected is not { Length: 16 })
            {
                throw new S3ErrorException(S3Errors.InvalidDigest, "The Content-MD5 you specified was invalid.");
            }

            checks.Add(new BodyCheck(ChecksumAlgorithm.Md5, expected, S3Errors.BadDigest));
        }

        foreach (var (name, value) in headers)
        {
            if (ChecksumHeaders.FromHeaderName(name) is not { } algorithm)
            {
                continue;
            }

            var expected = Base64Digest.TryDecode(value.ToString())
                ?? throw new S3ErrorException(S3Errors.InvalidDigest, $"The {name} header is not valid base64.");
            checks.Add(new BodyCheck(algorithm, expected,
                S3Errors.BadDigest.WithMessage($"The {name.ToLowerInvariant()} you specified did not match the calculated checksum.")));
        }

        return checks;
    }

    private static AwsChunkedOptions ChunkedOptions(IHeaderDictionary headers, string payloadHash, ChunkSignatureChain? chunkSignatures)
    {
        var signed = payloadHash != SigV4.StreamingUnsignedTrailer;
        if (signed && chunkSignatures is null)
        {
            throw new S3ErrorException(S3Errors.InvalidRequest, $"{payloadHash} needs a SigV4 Authorization header.");
        }

        long? decodedLength = null;
        if (headers["x-amz-decoded-content-length"].ToString() is { Length: > 0 } text)
        {
            decodedLength = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new S3ErrorException(S3Errors.InvalidArgument, "x-amz-decoded-content-length must be a non-negative integer.");
        }

        var expectsTrailer = payloadHash != SigV4.StreamingSigned;
        string? trailerName = null;
        ChecksumAlgorithm? trailerAlgorithm = null;
        if (expectsTrailer && headers["x-amz-trailer"].ToString() is { Length: > 0 } announced)
        {
            trailerName = announced.Trim().ToLowerInvariant();
            trailerAlgorithm = ChecksumHeaders.FromHeaderName(trailerName)
                ?? throw new S3ErrorException(S3Errors.InvalidArgument, $"The trailer {trailerName} is not supported.");
        }

        return new AwsChunkedOptions(signed ? chunkSignatures : null, expectsTrailer, trailerAlgorithm, trailerName, decodedLength);
    }
}
