namespace Tarn.Gateway.S3.Checksums;

/// <summary>The flexible checksums of S3 (<c>x-amz-checksum-*</c>), plus MD5 for <c>Content-MD5</c>.</summary>
public enum ChecksumAlgorithm
{
    Crc32,
    Crc32C,
    Crc64Nvme,
    Sha1,
    Sha256,
    Md5,
}
