using Tarn.Auth.Secrets;
using Tarn.Auth.Storage;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Access key + secret authentication (HTTP basic auth, login) and secret lookup for signature protocols,
/// with wrong secrets throttled per access key and client (<see cref="FailedLoginLimiter"/>): the right
/// secret is always checked and answered at once.
/// </summary>
public sealed class BasicAuthenticator
{
    // Longer inputs are never valid; refuse them before touching the store.
    private const int MaxInputLength = 1024;
    private const string DummyKeyId = "AKIAJDUMMYDUMMYDUMQ";

    private readonly AuthStore _store;
    private readonly SecretCipher _cipher;
    private readonly FailedLoginLimiter _limiter;
    private readonly CredentialCache _cache;
    private readonly SecretVerifier _verifier;
    private readonly byte[] _dummySealedSecret;
    private readonly string _dummySecret = AccessKeys.NewSecretAccessKey();

    internal BasicAuthenticator(AuthStore store, SecretCipher cipher, FailedLoginLimiter limiter, TimeSpan cacheTtl)
    {
        _store = store;
        _cipher = cipher;
        _limiter = limiter;
        _cache = new CredentialCache(store, cacheTtl);
        _verifier = new SecretVerifier(cipher);
        _dummySealedSecret = cipher.Encrypt(DummyKeyId, _dummySecret);
    }

    /// <summary>
    /// Checks the secret of an access key. Unknown keys and wrong secrets give the same result after the
    /// same work (a keyed digest and a constant-time comparison). <paramref name="client"/> (e.g. the remote
    /// address) scopes throttling, so one client's failures do not refuse the key's owner elsewhere.
    /// </summary>
    public async Task<AuthenticationResult> AuthenticateBasicAsync(
        string accessKeyId, string secretAccessKey, string? client = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        if (_limiter.RetryAfter() is { } wait)
        {
            return AuthenticationResult.Throttled(wait);
        }

        var credential = await FindCurrentAsync(accessKeyId, cancellationToken);
        bool matches;
        if (credential is { } found)
        {
            matches = _verifier.Matches(accessKeyId, found.Credential.EncryptedSecret, secretAccessKey);
        }
        else
        {
            // Same work as for a real key, so response time does not reveal which key ids exist.
            _verifier.Matches(DummyKeyId, _dummySealedSecret, secretAccessKey);
            matches = false;
        }

        if (!matches)
        {
            await _limiter.RecordFailureAsync(accessKeyId, client, cancellationToken);
            return AuthenticationResult.Invalid;
        }

        _limiter.RecordSuccess(accessKeyId, client);
        return AuthenticationResult.Success(credential!.Value.Owner.ToUser());
    }

    /// <summary>The access key with its plaintext secret and owner, or null when the key is unknown.</summary>
    public async Task<SigningCredential?> FindSigningCredentialAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        if (await FindCurrentAsync(accessKeyId, cancellationToken) is not { } found)
        {
            return null;
        }

        return new SigningCredential(found.Owner.ToUser(), accessKeyId, _cipher.Decrypt(accessKeyId, found.Credential.EncryptedSecret));
    }

    /// <summary>
    /// For protocols that verify secrets themselves (S3 signatures): null when an attempt may be checked now,
    /// otherwise how long the client should wait (the process is holding as many wrong answers as it will).
    /// </summary>
    public TimeSpan? RetryAfter() => _limiter.RetryAfter();

    /// <summary>
    /// For protocols that verify secrets themselves: a failed verification, counted towards throttling; completes
    /// when the caller may be answered (after the delay the count has reached).
    /// </summary>
    public Task RecordFailureAsync(string accessKeyId, string? client = null, CancellationToken cancellationToken = default) =>
        _limiter.RecordFailureAsync(accessKeyId, client, cancellationToken);

    /// <summary>For protocols that verify secrets themselves: a successful verification, which clears the count.</summary>
    public void RecordSuccess(string accessKeyId, string? client = null) => _limiter.RecordSuccess(accessKeyId, client);

    private async Task<(CredentialRecord Credential, UserRecord Owner)?> FindCurrentAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        if (accessKeyId.Length is 0 or > MaxInputLength)
        {
            return null;
        }

        if (_cache.TryGet(accessKeyId, out var cached))
        {
            return cached;
        }

        // Read before the lookups: a change made while they run leaves the entry stale at once.
        var generation = _store.Generation;
        var found = await LookUpAsync(accessKeyId, cancellationToken);
        _cache.Add(accessKeyId, generation, found);
        return found;
    }

    private async Task<(CredentialRecord Credential, UserRecord Owner)?> LookUpAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var credential = await _store.GetCredentialAsync(accessKeyId, cancellationToken);
        if (credential is null)
        {
            // A real key costs a second read (its owner); spend one here too so timing stays alike.
            await _store.GetUserAsync(DummyKeyId, cancellationToken);
            return null;
        }

        var owner = await _store.GetOwnerAsync(credential.Value.Value, cancellationToken);
        return owner is null ? null : (credential.Value.Value, owner);
    }
}
