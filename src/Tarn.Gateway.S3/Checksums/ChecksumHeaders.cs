using System.Security.Cryptography;

namespace Tarn.Gateway.S3.Checksums;

/// <summary>Maps <c>x-amz-checksum-*</c> header names to algorithms and creates the checksums.</summary>
public static class ChecksumHeaders
{
    /// <summary>The common prefix of S3's flexible checksum headers.</summary>
    public const string HeaderPrefix = "x-amz-checksum-";

    /// <summary>The algorithm named by a header such as <c>x-amz-checksum-crc32</c>, or null when unknown.</summary>
    public static ChecksumAlgorithm? FromHeaderName(string headerName)
    {
        ArgumentNullException.ThrowIfNull(headerName);
        if (!headerName.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return headerName[HeaderPrefix.Length..].ToLowerInvariant() switch
        {
            "crc32" => ChecksumAlgorithm.Crc32,
            "crc32c" => ChecksumAlgorithm.Crc32C,
            "crc64nvme" => ChecksumAlgorithm.Crc64Nvme,
            "sha1" => ChecksumAlgorithm.Sha1,
            "sha256" => ChecksumAlgorithm.Sha256,
            _ => null,
        };
    }

    public static IChecksum Create(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => new Crc32Checksum(Crc32Checksum.Ieee),
        ChecksumAlgorithm.Crc32C => new Crc32Checksum(Crc32Checksum.Castagnoli),
        ChecksumAlgorithm.Crc64Nvme => new Crc64NvmeChecksum(),
        ChecksumAlgorithm.Sha1 => new HashChecksum(HashAlgorithmName.SHA1),
        ChecksumAlgorithm.Sha256 => new HashChecksum(HashAlgorithmName.SHA256),
        ChecksumAlgorithm.Md5 => new HashChecksum(HashAlgorithmName.MD5),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
