namespace Tarn.Auth.Storage;

/// <summary>A logged-out token id; kept until the token would have expired anyway.</summary>
internal sealed record RevokedTokenRecord(DateTimeOffset ExpiresAt);
