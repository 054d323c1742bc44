using System.Text;

namespace Tarn.Gateway.S3.Signing;

/// <summary>
/// Verifies the signatures of a signed aws-chunked body: each chunk's signature covers its data and the
/// previous signature, starting from the request's own (seed) signature, so chunks can be neither
/// altered, reordered nor dropped; the trailer's signature chains on the final chunk's.
/// </summary>
public sealed class ChunkSignatureChain
{
    private readonly byte[] _signingKey;
    private readonly string _amzDate;
    private readonly string _scope;
    private string _previous;

    public ChunkSignatureChain(byte[] signingKey, string amzDate, string scope, string seedSignature)
    {
        _signingKey = signingKey ?? throw new ArgumentNullException(nameof(signingKey));
        _amzDate = amzDate ?? throw new ArgumentNullException(nameof(amzDate));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _previous = seedSignature ?? throw new ArgumentNullException(nameof(seedSignature));
    }

    /// <summary>Checks one chunk (hex SHA-256 of its data) against the signature sent; advances the chain.</summary>
    public bool VerifyChunk(string chunkSha256Hex, string provided)
    {
        var expected = SigV4.Sign(_signingKey, SigV4.ChunkStringToSign(_amzDate, _scope, _previous, chunkSha256Hex));
        _previous = expected;
        return SigV4.SignaturesEqual(expected, provided);
    }

    /// <summary>Checks the trailer (its header lines, each <c>name:value\n</c>) against <c>x-amz-trailer-signature</c>.</summary>
    public bool VerifyTrailer(string canonicalTrailer, string provided)
    {
        ArgumentNullException.ThrowIfNull(canonicalTrailer);
        var hash = SigV4.HexSha256(Encoding.UTF8.GetBytes(canonicalTrailer));
        var expected = SigV4.Sign(_signingKey, SigV4.TrailerStringToSign(_amzDate, _scope, _previous, hash));
        return SigV4.SignaturesEqual(expected, provided);
    }
}
