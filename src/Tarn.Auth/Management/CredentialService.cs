using Tarn.Auth.Authentication;
using Tarn.Auth.Secrets;
using Tarn.Auth.Storage;
using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>
/// Access keys. Ids are globally unique (409 on a collision); secrets are stored encrypted and only the
/// create call ever returns one.
/// </summary>
public sealed class CredentialService
{
    private readonly AuthStore _store;
    private readonly SecretCipher _cipher;

    internal CredentialService(AuthStore store, SecretCipher cipher)
    {
        _store = store;
        _cipher = cipher;
    }

    /// <summary>
    /// Creates an access key for the user: generated, or <paramref name="key"/> when given (checked by
    /// <see cref="AccessKeys.Validate"/>). 404 <c>user not found</c>; 409 <c>Already exists</c> when the id is taken.
    /// </summary>
    public async Task<NewCredential> CreateAsync(string username, AccessKeyPair? key = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (key is not null)
        {
            AccessKeys.Validate(key);
        }

        var user = (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken))?.Value
            ?? throw UserService.UserNotFound();
        key ??= AccessKeys.Generate();
        var now = _store.Now();
        var record = new CredentialRecord(key.AccessKeyId, username, user.Uid, _cipher.Encrypt(key.AccessKeyId, key.SecretAccessKey), now);

        // The index goes first: a crash then leaves an index entry without a key (ignored), never a key
        // that authenticates but that no listing shows.
        var indexKey = AuthKeys.UserCredential(username, key.AccessKeyId);
        var indexWritten = await WriteIndexAsync(indexKey, user.Uid, cancellationToken);
        if (!await ClaimAccessKeyIdAsync(record, cancellationToken))
        {
            if (indexWritten)
            {
                await _store.DeleteAsync(indexKey, cancellationToken);
            }

            throw TarnException.AlreadyExists();
        }

        _store.MarkChanged();
        return new NewCredential(key.AccessKeyId, key.SecretAccessKey, username, now);
    }

    /// <summary>The user's access key (without secret); 404 <c>credentials not found</c> unless it is that user's.</summary>
    public async Task<Credential> GetAsync(string username, string accessKeyId, CancellationToken cancellationToken = default)
    {
        await RequireUserAsync(username, cancellationToken);
        var credential = await FindOwnedAsync(username, accessKeyId, cancellationToken) ?? throw CredentialsNotFound();
        return credential.Value.ToCredential();
    }

    /// <summary>The user's access keys, without secrets. 404 <c>user not found</c>.</summary>
    public async Task<Page<Credential>> ListAsync(string username, PageRequest request, CancellationToken cancellationToken = default)
    {
        await RequireUserAsync(username, cancellationToken);
        return await _store.PageAsync(
            AuthKeys.UserCredentials(username),
            request,
            async (accessKeyId, _, ct) => (await FindOwnedAsync(username, accessKeyId, ct))?.Value.ToCredential(),
            cancellationToken);
    }

    /// <summary>
    /// Deletes the user's access key and revokes the user's login tokens (one of them may have been obtained
    /// with this key). 404 <c>credentials not found</c> unless the key is that user's.
    /// </summary>
    public async Task DeleteAsync(string username, string accessKeyId, CancellationToken cancellationToken = default)
    {
        var user = await RequireUserAsync(username, cancellationToken);
        var credential = await FindOwnedAsync(username, accessKeyId, cancellationToken) ?? throw CredentialsNotFound();

        // The key goes first so it stops authenticating even if the rest is interrupted.
        await _store.DeleteAsync(AuthKeys.Credential(credential.Value.AccessKeyId), cancellationToken);
        await _store.DeleteAsync(AuthKeys.UserCredential(username, accessKeyId), cancellationToken);
        await TokenRevocation.RevokeAllAsync(_store, user.Value.Username, cancellationToken);
        _store.MarkChanged();
    }

    /// <summary>
    /// Re-encrypts every stored secret that is readable under <paramref name="previousSecretKey"/> with the
    /// current master secret; run after changing <c>auth.encrypt.secret_key</c>. Returns how many records
    /// were converted. Records already under the current secret are left alone.
    /// </summary>
    public async Task<int> ReencryptAllAsync(string previousSecretKey, CancellationToken cancellationToken = default)
    {
        var previous = new SecretCipher(previousSecretKey);
        var converted = 0;
        foreach (var (accessKeyId, raw) in await _store.CollectAsync(AuthKeys.CredentialsPrefix, cancellationToken))
        {
            var record = AuthStore.Decode(raw, AuthStore.Json.CredentialRecord);
            if (_cipher.TryDecrypt(accessKeyId, record.EncryptedSecret, out _)
                || !previous.TryDecrypt(accessKeyId, record.EncryptedSecret, out var secret))
            {
                continue;
            }

            var updated = record with { EncryptedSecret = _cipher.Encrypt(accessKeyId, secret) };
            if (await _store.ReplaceAsync(AuthKeys.Credential(accessKeyId), updated, AuthStore.Json.CredentialRecord, raw, cancellationToken))
            {
                converted++;
            }
        }

        _store.MarkChanged();
        return converted;
    }

    internal static TarnException CredentialsNotFound() => TarnException.NotFound("credentials not found");

    private async Task<Stored<UserRecord>> RequireUserAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        return (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken))
            ?? throw UserService.UserNotFound();
    }

    /// <summary>The credential when it exists and belongs to the current incarnation of the user.</summary>
    private async Task<Stored<CredentialRecord>?> FindOwnedAsync(string username, string accessKeyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessKeyId))
        {
            return null;
        }

        var credential = await _store.GetCredentialAsync(accessKeyId, cancellationToken);
        if (credential is not { } c || c.Value.Username != username)
        {
            return null;
        }

        return await _store.GetOwnerAsync(c.Value, cancellationToken) is null ? null : c;
    }

    /// <summary>
    /// Writes the user's index entry for a new key; false when a current entry was already there (the key
    /// is probably the user's already), so a failed creation must not remove it.
    /// </summary>
    private async Task<bool> WriteIndexAsync(string indexKey, string userUid, CancellationToken cancellationToken)
    {
        var entry = new CredentialRefRecord(userUid);
        if (await _store.CreateAsync(indexKey, entry, AuthStore.Json.CredentialRefRecord, cancellationToken))
        {
            return true;
        }

        var existing = await _store.GetAsync(indexKey, AuthStore.Json.CredentialRefRecord, cancellationToken);
        if (existing?.Value.UserUid == userUid)
        {
            return false;
        }

        await _store.SetAsync(indexKey, entry, AuthStore.Json.CredentialRefRecord, cancellationToken);
        return true;
    }

    /// <summary>Stores the credential unless its id is in use; a stale record (of a deleted user) does not count as use.</summary>
    private async Task<bool> ClaimAccessKeyIdAsync(CredentialRecord record, CancellationToken cancellationToken)
    {
        var key = AuthKeys.Credential(record.AccessKeyId);
        while (true)
        {
            if (await _store.CreateAsync(key, record, AuthStore.Json.CredentialRecord, cancellationToken))
            {
                return true;
            }

            var existing = await _store.GetCredentialAsync(record.AccessKeyId, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (await _store.GetOwnerAsync(existing.Value.Value, cancellationToken) is not null)
            {
                return false;
            }

            if (await _store.ReplaceAsync(key, record, AuthStore.Json.CredentialRecord, existing.Value.Raw, cancellationToken))
            {
                return true;
            }
        }
    }
}
