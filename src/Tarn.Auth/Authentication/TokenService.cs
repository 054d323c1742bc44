using System.Security.Cryptography;
using System.Text;
using Tarn.Auth.Management;
using Tarn.Auth.Storage;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Login tokens: HS256 JWTs signed with the raw bytes of <c>auth.encrypt.secret_key</c>, with lakeFS's
/// claims (<c>sub</c> = username, <c>aud</c> = <c>login</c>, <c>jti</c>, <c>iat</c>, <c>exp</c>), so tokens
/// minted by a lakeFS sharing the secret stay valid. Unlike lakeFS, tokens can be revoked: all of a user's
/// at once (a per-user "valid from" time compared with <c>iat</c>) or one by one (a <c>jti</c> denylist).
/// </summary>
public sealed class TokenService
{
    /// <summary>The audience of login tokens.</summary>
    public const string LoginAudience = "login";

    /// <summary>Clock difference tolerated on <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public static readonly TimeSpan Leeway = TimeSpan.FromSeconds(60);

    private const int MaxTokenIdLength = 256;
    private const int SweepBatch = 100;
    private readonly AuthStore _store;
    private readonly byte[] _signingKey;
    private readonly long _lifetimeSeconds;

    internal TokenService(AuthStore store, AuthOptions options)
    {
        _store = store;
        _signingKey = Encoding.UTF8.GetBytes(options.SecretKey);
        _lifetimeSeconds = (long)Math.Ceiling(options.LoginDuration.TotalSeconds);
    }

    /// <summary>A token for the user, valid for <c>auth.login_duration</c>. 404 <c>user not found</c>.</summary>
    public async Task<IssuedToken> IssueTokenAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var user = (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken))?.Value
            ?? throw UserService.UserNotFound();

        // Right after a revocation "valid from" may lie a moment ahead; date the token there so it is not born revoked.
        var issuedAtMs = Math.Max(_store.Now().ToUnixTimeMilliseconds(), user.TokensValidFromMs);
        var expiresAt = issuedAtMs / 1000 + _lifetimeSeconds;
        var claims = new JwtClaims(username, [LoginAudience], NewTokenId(), issuedAtMs, expiresAt, NotBefore: null);
        return new IssuedToken(Hs256Jwt.Sign(claims, _signingKey), DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    /// <summary>
    /// The user a token authenticates, or null when the token is malformed, not HS256, wrongly signed,
    /// expired (beyond <see cref="Leeway"/>), lacks <c>exp</c>/<c>iat</c>/<c>sub</c>, has another audience,
    /// names a user that does not exist, or was revoked.
    /// </summary>
    public async Task<User?> ValidateTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var claims = Hs256Jwt.Verify(token, _signingKey);
        if (claims is not { Subject.Length: > 0, ExpiresAt: { } exp, IssuedAtMs: { } iatMs } || !IsCurrent(claims, exp, iatMs / 1000))
        {
            return null;
        }

        var user = (await _store.GetUserAsync(claims.Subject!, cancellationToken))?.Value;
        if (user is null || iatMs < user.TokensValidFromMs)
        {
            return null;
        }

        if (claims.Id is { } jti && (jti.Length is 0 or > MaxTokenIdLength
            || await _store.GetAsync(AuthKeys.RevokedToken(jti), AuthStore.Json.RevokedTokenRecord, cancellationToken) is not null))
        {
            return null;
        }

        return user.ToUser();
    }

    /// <summary>
    /// Logs one token out: its id is denied until it would have expired. A token without an id revokes all
    /// of its user's tokens instead. Invalid tokens are ignored (there is nothing to revoke).
    /// </summary>
    public async Task RevokeTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var claims = Hs256Jwt.Verify(token, _signingKey);
        if (claims is not { Subject.Length: > 0, ExpiresAt: { } exp })
        {
            return;
        }

        if (claims.Id is not { Length: > 0 and <= MaxTokenIdLength } jti)
        {
            await RevokeAllTokensAsync(claims.Subject!, cancellationToken);
            return;
        }

        var keepUntil = DateTimeOffset.FromUnixTimeSeconds(exp) + Leeway;
        if (keepUntil > _store.Now())
        {
            await _store.SetAsync(AuthKeys.RevokedToken(jti), new RevokedTokenRecord(keepUntil), AuthStore.Json.RevokedTokenRecord, cancellationToken);
        }

        await SweepExpiredRevocationsAsync(cancellationToken);
    }

    /// <summary>Revokes every token issued to the user so far (tokens issued afterwards work).</summary>
    public Task RevokeAllTokensAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        return username.Length == 0 ? Task.CompletedTask : TokenRevocation.RevokeAllAsync(_store, username, cancellationToken).AsTask();
    }

    private bool IsCurrent(JwtClaims claims, long exp, long iat)
    {
        var now = _store.Now().ToUnixTimeSeconds();
        var leeway = (long)Leeway.TotalSeconds;
        return now <= exp + leeway
            && iat <= now + leeway
            && (claims.NotBefore is not { } nbf || nbf <= now + leeway)
            && (claims.Audience.Count == 0 || claims.Audience.Contains(LoginAudience, StringComparer.Ordinal));
    }

    /// <summary>Drops a bounded number of denylist entries whose tokens have expired anyway.</summary>
    private async Task SweepExpiredRevocationsAsync(CancellationToken cancellationToken)
    {
        var now = _store.Now();
        var examined = 0;
        var expired = new List<string>();

        // Token ids are random hex, so starting at a random hex digit spreads sweeps over the whole list.
        var start = Convert.ToHexStringLower([(byte)RandomNumberGenerator.GetInt32(16)])[1..];
        await foreach (var (jti, raw) in _store.ScanAsync(AuthKeys.RevokedTokensPrefix, start, cancellationToken))
        {
            if (AuthStore.Decode(raw, AuthStore.Json.RevokedTokenRecord).ExpiresAt <= now)
            {
                expired.Add(jti);
            }

            if (++examined == SweepBatch)
            {
                break;
            }
        }

        foreach (var jti in expired)
        {
            await _store.DeleteAsync(AuthKeys.RevokedToken(jti), cancellationToken);
        }
    }

    /// <summary>A random (version 4) UUID from the CSPRNG.</summary>
    private static string NewTokenId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
