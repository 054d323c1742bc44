namespace Tarn.Gateway.S3.Checksums;

/// <summary>An incremental checksum over a body read in pieces.</summary>
public interface IChecksum
{
    void Append(ReadOnlySpan<byte> data);

    /// <summary>The checksum of everything appended, in the byte order S3 transmits it (big-endian for CRCs).</summary>
    byte[] GetResult();
}
