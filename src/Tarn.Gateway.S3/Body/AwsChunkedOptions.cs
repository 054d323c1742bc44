using Tarn.Gateway.S3.Checksums;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.S3.Body;

/// <summary>How an aws-chunked body is to be decoded and checked.</summary>
/// <param name="Signatures">The chunk signature chain for signed variants; null for <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>.</param>
/// <param name="ExpectsTrailer">Whether trailer headers follow the final chunk (the <c>-TRAILER</c> variants).</param>
/// <param name="TrailerChecksum">The checksum announced by <c>x-amz-trailer</c>, computed while decoding and compared with the trailer.</param>
/// <param name="TrailerChecksumName">The announced trailer header name (lower-case), e.g. <c>x-amz-checksum-crc32</c>.</param>
/// <param name="DecodedLength">The <c>x-amz-decoded-content-length</c>, when sent.</param>
public sealed record AwsChunkedOptions(
    ChunkSignatureChain? Signatures,
    bool ExpectsTrailer,
    ChecksumAlgorithm? TrailerChecksum,
    string? TrailerChecksumName,
    long? DecodedLength);
