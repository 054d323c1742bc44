using Tarn.Auth.Storage;
using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>Users: create, read, list and delete (deleting a user also removes everything it owns).</summary>
public sealed class UserService
{
    private readonly AuthStore _store;

    internal UserService(AuthStore store) => _store = store;

    /// <summary>Creates a user; 409 <c>Already exists</c> when the name is taken.</summary>
    public async Task<User> CreateAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        NameRules.ValidateUsername(user.Username);
        var now = _store.Now();

        // Tokens minted for an earlier user of the same name must not work for this one.
        var epoch = await _store.GetValueAsync(AuthKeys.TokenEpoch(user.Username), AuthStore.Json.TokenEpochRecord, cancellationToken);
        var record = new UserRecord(
            user.Username, AuthStore.NewUid(), now, user.FriendlyName, user.Email, user.Source, user.ExternalId,
            TokensValidFromMs: Math.Max(now.ToUnixTimeMilliseconds(), epoch?.ValidFromMs ?? 0) + 1);
        if (!await _store.CreateAsync(AuthKeys.User(user.Username), record, AuthStore.Json.UserRecord, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }

        _store.MarkChanged();
        return record.ToUser();
    }

    /// <summary>The user; 404 <c>user not found</c> when there is none.</summary>
    public async Task<User> GetAsync(string username, CancellationToken cancellationToken = default) =>
        await FindAsync(username, cancellationToken) ?? throw UserNotFound();

    /// <summary>The user, or null when there is none.</summary>
    public async Task<User?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length == 0)
        {
            return null;
        }

        var stored = await _store.GetUserAsync(username, cancellationToken);
        return stored?.Value.ToUser();
    }

    public async Task<Page<User>> ListAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        await _store.PageAsync(
            AuthKeys.UsersPrefix,
            request,
            (_, raw, _) => ValueTask.FromResult<User?>(AuthStore.Decode(raw, AuthStore.Json.UserRecord).ToUser()),
            cancellationToken);

    /// <summary>
    /// Deletes the user with its credentials, memberships and policy attachments; its tokens stop working
    /// because they name a user that no longer exists, and a re-created user accepts only newer tokens.
    /// 404 <c>user not found</c>.
    /// </summary>
    public async Task DeleteAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var user = (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken))?.Value
            ?? throw UserNotFound();

        // Remember where this user's tokens end before the record (which knows it) goes away.
        var epoch = new TokenEpochRecord(Math.Max(_store.Now().ToUnixTimeMilliseconds(), user.TokensValidFromMs));
        await _store.SetAsync(AuthKeys.TokenEpoch(username), epoch, AuthStore.Json.TokenEpochRecord, cancellationToken);

        // Everything the user owns goes first, the user record last, so a retry after a crash finishes the job.
        // (Links also carry the user's uid, so leftovers could never serve a re-created user anyway.)
        await DeleteCredentialsAsync(username, cancellationToken);
        await DeleteMembershipsAsync(username, cancellationToken);
        foreach (var (policy, _) in await _store.CollectAsync(AuthKeys.UserPolicies(username), cancellationToken))
        {
            await _store.DeleteAsync(AuthKeys.UserPolicy(username, policy), cancellationToken);
        }

        await _store.DeleteAsync(AuthKeys.User(username), cancellationToken);
        _store.MarkChanged();
    }

    internal static TarnException UserNotFound() => TarnException.NotFound("user not found");

    private async Task DeleteCredentialsAsync(string username, CancellationToken cancellationToken)
    {
        foreach (var (accessKeyId, _) in await _store.CollectAsync(AuthKeys.UserCredentials(username), cancellationToken))
        {
            var credential = await _store.GetCredentialAsync(accessKeyId, cancellationToken);
            if (credential?.Value.Username == username)
            {
                await _store.DeleteAsync(AuthKeys.Credential(accessKeyId), cancellationToken);
            }

            await _store.DeleteAsync(AuthKeys.UserCredential(username, accessKeyId), cancellationToken);
        }
    }

    private async Task DeleteMembershipsAsync(string username, CancellationToken cancellationToken)
    {
        foreach (var (group, _) in await _store.CollectAsync(AuthKeys.UserGroups(username), cancellationToken))
        {
            // The side that grants rights goes first.
            await _store.DeleteAsync(AuthKeys.UserGroup(username, group), cancellationToken);
            await _store.DeleteAsync(AuthKeys.GroupMember(group, username), cancellationToken);
        }
    }
}
