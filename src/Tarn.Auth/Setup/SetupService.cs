using System.Net.Mail;
using Tarn.Auth.Management;
using Tarn.Auth.Secrets;
using Tarn.Auth.Storage;
using Tarn.Core;

namespace Tarn.Auth.Setup;

/// <summary>
/// First-time setup (base groups and policies, the first admin and its key), later admins
/// (<c>tarn superuser</c>) and communication preferences.
/// </summary>
/// <remarks>
/// Setup is serialized by one record: a run claims it with a compare-and-swap, performs idempotent steps,
/// and finishes by swapping its own claim for the setup timestamp, so of concurrent runs exactly one
/// succeeds and the others get 409 <c>lakeFS already initialized</c>. A run that fails marks its claim
/// abandoned; a run that crashed leaves a claim that can be taken over once it is older than
/// <see cref="AuthOptions.SetupClaimTimeout"/>. Whoever takes a claim over first deletes the user the
/// earlier run was creating, whose secret nobody received.
/// </remarks>
public sealed class SetupService
{
    private readonly AuthStore _store;
    private readonly AuthOptions _options;
    private readonly UserService _users;
    private readonly CredentialService _credentials;
    private readonly GroupService _groups;
    private readonly BaseGroupsInstaller _baseGroups;

    internal SetupService(AuthStore store, AuthOptions options, UserService users, CredentialService credentials, GroupService groups, BaseGroupsInstaller baseGroups)
    {
        _store = store;
        _options = options;
        _users = users;
        _credentials = credentials;
        _groups = groups;
        _baseGroups = baseGroups;
    }

    /// <summary>
    /// Initialized once the setup timestamp is stored (always, in external RBAC mode). Communication
    /// preferences are missing when asked for and either explicitly not given, or not recorded before setup.
    /// </summary>
    public async Task<SetupState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        var initialized = await IsInitializedAsync(cancellationToken);
        if (!_options.EmailSubscriptionEnabled)
        {
            return new SetupState(initialized, CommPrefsMissing: false);
        }

        var prefs = await _store.GetValueAsync(AuthKeys.CommPrefs, AuthStore.Json.CommPrefsRecord, cancellationToken);
        return new SetupState(initialized, prefs is null ? !initialized : !prefs.PrefsGiven);
    }

    public async Task<bool> IsInitializedAsync(CancellationToken cancellationToken = default) =>
        _options.RbacMode == RbacMode.External || await GetSetupTimeAsync(cancellationToken) is not null;

    /// <summary>When setup completed, or null before.</summary>
    public async Task<DateTimeOffset?> GetSetupTimeAsync(CancellationToken cancellationToken = default) =>
        (await _store.GetValueAsync(AuthKeys.Setup, AuthStore.Json.SetupRecord, cancellationToken))?.CompletedAt;

    /// <summary>
    /// Sets the installation up: base groups and policies of the RBAC mode, the user <paramref name="username"/>
    /// in <c>Admins</c>, and its access key (generated, or <paramref name="key"/>). 400 <c>empty user display
    /// name</c> or a name/key rule; 409 <c>lakeFS already initialized</c>.
    /// </summary>
    public async Task<NewCredential> SetupAsync(string username, AccessKeyPair? key = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(username))
        {
            throw TarnException.Invalid("empty user display name");
        }

        NameRules.ValidateUsername(username);
        if (key is not null)
        {
            AccessKeys.Validate(key);
        }

        if (_options.RbacMode == RbacMode.External)
        {
            throw AlreadyInitialized();
        }

        var claim = await ClaimAsync(username, cancellationToken);
        var completed = false;
        try
        {
            if (claim.PreviousUsername is { } leftover && await _users.FindAsync(leftover, cancellationToken) is not null)
            {
                await _users.DeleteAsync(leftover, cancellationToken);
            }

            await _baseGroups.InstallAsync(_options.RbacMode, claim.Record.ClaimedAt, cancellationToken);
            var credential = await CreateAdminAsync(username, key, cancellationToken);
            var done = claim.Record with { CompletedAt = claim.Record.ClaimedAt };
            completed = await _store.ReplaceAsync(AuthKeys.Setup, done, AuthStore.Json.SetupRecord, claim.Raw, cancellationToken);
            if (!completed)
            {
                // Our claim was taken over while we stalled; the other run owns setup now, and the admin we
                // just made must not outlive us (unless the winner made the same user).
                var winner = await _store.GetValueAsync(AuthKeys.Setup, AuthStore.Json.SetupRecord, cancellationToken);
                if (winner?.Username != username && await _users.FindAsync(username, cancellationToken) is not null)
                {
                    await _users.DeleteAsync(username, cancellationToken);
                }

                throw AlreadyInitialized();
            }

            return credential;
        }
        finally
        {
            if (!completed)
            {
                await AbandonAsync(claim, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Adds another admin (the <c>tarn superuser</c> command): a new user in <c>Admins</c> with a generated or
    /// given key. Requires completed setup. Nothing is left behind when the key is refused.
    /// </summary>
    public async Task<NewCredential> AddSuperuserAsync(string username, AccessKeyPair? key = null, CancellationToken cancellationToken = default)
    {
        NameRules.ValidateUsername(username);
        if (key is not null)
        {
            AccessKeys.Validate(key);
        }

        if (_options.RbacMode == RbacMode.External)
        {
            throw new TarnException(ErrorKind.NotImplemented, "superuser is not available with an external auth service");
        }

        if (await GetSetupTimeAsync(cancellationToken) is null)
        {
            throw new TarnException(ErrorKind.PreconditionFailed, "setup is not complete: run setup first");
        }

        await _users.CreateAsync(new NewUser(username), cancellationToken);
        try
        {
            return await CreateAdminAsync(username, key, cancellationToken, userExists: true);
        }
        catch
        {
            await _users.DeleteAsync(username, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Records communication preferences: 400 <c>email is required</c> / <c>invalid email address</c>.
    /// Accepted before setup, and afterwards only while preferences are still missing (409 otherwise).
    /// </summary>
    /// <summary>400 unless <paramref name="email"/> is a parsable address; judged before any state, as lakeFS does.</summary>
    public static void ValidateEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw TarnException.Invalid("email is required");
        }

        if (!MailAddress.TryCreate(email, out _))
        {
            throw TarnException.Invalid("invalid email address");
        }
    }

    public async Task SetCommPrefsAsync(CommPrefs prefs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefs);
        ValidateEmail(prefs.Email);
        var state = await GetStateAsync(cancellationToken);
        if (state.Initialized && !state.CommPrefsMissing)
        {
            throw TarnException.AlreadyExists("setup was already completed");
        }

        var record = new CommPrefsRecord(prefs.Email, prefs.FeatureUpdates, prefs.SecurityUpdates, PrefsGiven: true);
        await _store.SetAsync(AuthKeys.CommPrefs, record, AuthStore.Json.CommPrefsRecord, cancellationToken);
    }

    /// <summary>Records that preferences were deliberately not given (CLI setup), so the UI asks for them later.</summary>
    public async Task MarkCommPrefsNotGivenAsync(CancellationToken cancellationToken = default) =>
        await _store.CreateAsync(
            AuthKeys.CommPrefs, new CommPrefsRecord(null, false, false, PrefsGiven: false), AuthStore.Json.CommPrefsRecord, cancellationToken);

    /// <summary>The stored preferences, or null when none were given.</summary>
    public async Task<CommPrefs?> GetCommPrefsAsync(CancellationToken cancellationToken = default)
    {
        var record = await _store.GetValueAsync(AuthKeys.CommPrefs, AuthStore.Json.CommPrefsRecord, cancellationToken);
        return record is { PrefsGiven: true, Email: { } email } ? new CommPrefs(email, record.FeatureUpdates, record.SecurityUpdates) : null;
    }

    private static TarnException AlreadyInitialized() => TarnException.AlreadyExists("lakeFS already initialized");

    private async Task<NewCredential> CreateAdminAsync(string username, AccessKeyPair? key, CancellationToken cancellationToken, bool userExists = false)
    {
        if (!userExists)
        {
            await _users.CreateAsync(new NewUser(username), cancellationToken);
        }

        await _groups.TryAddMemberAsync(BasePolicies.AdminsGroup, username, cancellationToken);
        return await _credentials.CreateAsync(username, key, cancellationToken);
    }

    private async Task<SetupClaim> ClaimAsync(string username, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _store.Now();
            var mine = new SetupRecord(AuthStore.NewUid(), now, username, CompletedAt: null);
            var existing = await _store.GetAsync(AuthKeys.Setup, AuthStore.Json.SetupRecord, cancellationToken);
            if (existing is null)
            {
                if (await _store.CreateAsync(AuthKeys.Setup, mine, AuthStore.Json.SetupRecord, cancellationToken))
                {
                    return await ReadBackAsync(mine, previousUsername: null, cancellationToken);
                }

                continue;
            }

            var current = existing.Value.Value;
            if (current.IsCompleted || current.ClaimedAt + _options.SetupClaimTimeout > now)
            {
                throw AlreadyInitialized();
            }

            if (await _store.ReplaceAsync(AuthKeys.Setup, mine, AuthStore.Json.SetupRecord, existing.Value.Raw, cancellationToken))
            {
                return await ReadBackAsync(mine, current.Username, cancellationToken);
            }
        }
    }

    /// <summary>The exact stored bytes of our claim, which the final compare-and-swap must match.</summary>
    private async Task<SetupClaim> ReadBackAsync(SetupRecord mine, string? previousUsername, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(AuthKeys.Setup, AuthStore.Json.SetupRecord, cancellationToken);
        if (stored is not { } s || s.Value.Owner != mine.Owner)
        {
            throw AlreadyInitialized();
        }

        return new SetupClaim(s.Value, s.Raw, previousUsername);
    }

    /// <summary>Makes a failed run's claim immediately stale, so the next attempt need not wait for the timeout.</summary>
    private async Task AbandonAsync(SetupClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var abandoned = claim.Record with { ClaimedAt = DateTimeOffset.UnixEpoch };
            await _store.ReplaceAsync(AuthKeys.Setup, abandoned, AuthStore.Json.SetupRecord, claim.Raw, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store itself is failing; the claim then expires by age. The original error matters more.
        }
    }

    private sealed record SetupClaim(SetupRecord Record, byte[] Raw, string? PreviousUsername);
}
