namespace Tarn.Auth.Storage;

/// <summary>
/// A stored user. <see cref="TokensValidFromMs"/> (Unix milliseconds) revokes every token issued earlier:
/// tokens carry their issue time (<c>iat</c>) with millisecond precision.
/// </summary>
internal sealed record UserRecord(
    string Username,
    string Uid,
    DateTimeOffset CreatedAt,
    string? FriendlyName,
    string? Email,
    string Source,
    string? ExternalId,
    long TokensValidFromMs)
{
    public User ToUser() => new(Username, CreatedAt, FriendlyName, Email, Source, ExternalId);
}
