namespace Tarn.Auth.Authentication;

/// <summary>
/// The registered claims Tarn reads from and writes to login tokens: <c>exp</c> and <c>nbf</c> in whole Unix
/// seconds, <c>iat</c> in milliseconds (JWT times may be fractional; revocation needs sub-second order).
/// </summary>
internal sealed record JwtClaims(
    string? Subject,
    IReadOnlyList<string> Audience,
    string? Id,
    long? IssuedAtMs,
    long? ExpiresAt,
    long? NotBefore);
