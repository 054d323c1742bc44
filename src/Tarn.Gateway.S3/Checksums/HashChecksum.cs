using System.Security.Cryptography;

namespace Tarn.Gateway.S3.Checksums;

/// <summary>A cryptographic hash (SHA-1, SHA-256, MD5) as an incremental checksum.</summary>
public sealed class HashChecksum(HashAlgorithmName algorithm) : IChecksum
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(algorithm);

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public byte[] GetResult() => _hash.GetHashAndReset();
}
