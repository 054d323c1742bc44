using System.Security.Cryptography;
using Tarn.Gateway.S3.Checksums;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Body;

/// <summary>A digest the client declared for the body, computed while the body streams and compared at its end.</summary>
public sealed class BodyCheck
{
    private readonly IChecksum _checksum;
    private readonly byte[] _expected;
    private readonly S3Error _mismatch;

    public BodyCheck(ChecksumAlgorithm algorithm, byte[] expected, S3Error mismatch)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(mismatch);
        Algorithm = algorithm;
        _checksum = ChecksumHeaders.Create(algorithm);
        _expected = expected;
        _mismatch = mismatch;
    }

    public ChecksumAlgorithm Algorithm { get; }

    public void Append(ReadOnlySpan<byte> data) => _checksum.Append(data);

    /// <summary>Throws the mismatch error unless the body's digest equals the declared one.</summary>
    public void Verify()
    {
        if (!CryptographicOperations.FixedTimeEquals(_checksum.GetResult(), _expected))
        {
            throw new S3ErrorException(_mismatch);
        }
    }
}
