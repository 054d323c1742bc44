namespace Tarn.Blocks.Presign;

/// <summary>The verdict on a presigned request.</summary>
public enum PresignedUrlStatus
{
    /// <summary>Signed by this server for this method and address, and not expired.</summary>
    Valid,

    /// <summary>Missing or unparsable token, expiry or signature.</summary>
    Malformed,

    /// <summary>The signature does not match: a changed address, expiry or method, or another key.</summary>
    BadSignature,

    /// <summary>Authentic, but past its expiry.</summary>
    Expired,
}
