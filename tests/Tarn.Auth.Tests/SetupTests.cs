using Tarn.Auth.Authorization;
using Tarn.Auth.Setup;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class SetupTests
{
    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task A_fresh_installation_is_not_initialized_and_asks_for_comm_prefs()
    {
        var context = new AuthTestContext();

        var state = await context.Auth.Setup.GetStateAsync(Token);

        Assert.Equal(new SetupState(Initialized: false, CommPrefsMissing: true), state);
    }

    [Fact]
    public async Task Setup_creates_the_admin_with_a_working_key_and_the_acl_groups()
    {
        var context = new AuthTestContext();
        var setupTime = context.Time.GetUtcNow();

        var key = await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token);

        Assert.Equal(new SetupState(Initialized: true, CommPrefsMissing: false), await context.Auth.Setup.GetStateAsync(Token));
        Assert.Equal(setupTime, await context.Auth.Setup.GetSetupTimeAsync(Token));
        Assert.Equal("admin", key.Username);
        var login = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token);
        Assert.True(login.Succeeded);

        var groups = await context.Auth.Groups.ListAsync(PageRequest.First, Token);
        Assert.Equal(["Admins", "Readers", "Supers", "Writers"], groups.Items.Select(g => g.Name));
        Assert.All(groups.Items, g => Assert.Equal(setupTime, g.CreatedAt));
        Assert.Equal("Admin", await context.Auth.Acls.GetAsync("Admins", Token));
        Assert.Equal("Read", await context.Auth.Acls.GetAsync("Readers", Token));
        Assert.Equal(setupTime, (await context.Auth.Policies.GetAsync("ACL(_-_)Writers", Token)).CreatedAt);
        Assert.Equal(["Admins"], (await context.Auth.Groups.ListUserGroupsAsync("admin", PageRequest.First, Token)).Items.Select(g => g.Name));
        Assert.True(await context.Auth.Authorizer.IsAllowedAsync("admin", PermissionTree.Leaf("auth:ListUsers", "*"), Token));
    }

    [Fact]
    public async Task Setup_uses_a_supplied_key()
    {
        var context = new AuthTestContext();

        var key = await context.Auth.Setup.SetupAsync("admin", new AccessKeyPair("AKIAIOSFOLQUICKSTART", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), Token);

        Assert.Equal("AKIAIOSFOLQUICKSTART", key.AccessKeyId);
        Assert.True((await context.Auth.Authenticator.AuthenticateBasicAsync(
            "AKIAIOSFOLQUICKSTART", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", cancellationToken: Token)).Succeeded);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_written()
    {
        var context = new AuthTestContext();

        var empty = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetupAsync("", cancellationToken: Token));
        var badKey = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetupAsync("admin", new AccessKeyPair("ab", "x"), Token));

        Assert.Equal("empty user display name", empty.Message);
        Assert.Equal("invalid access key ID", badKey.Message);
        Assert.False(await context.Auth.Setup.IsInitializedAsync(Token));
        Assert.Empty((await context.Auth.Groups.ListAsync(PageRequest.First, Token)).Items);
        Assert.NotNull(await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token));
    }

    [Fact]
    public async Task A_second_setup_gets_409_already_initialized()
    {
        var context = new AuthTestContext();
        await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token);

        var error = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetupAsync("other", cancellationToken: Token));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("lakeFS already initialized", error.Message);
        Assert.Null(await context.Auth.Users.FindAsync("other", Token));
    }

    [Fact]
    public async Task Of_eight_concurrent_setups_exactly_one_succeeds()
    {
        var context = new AuthTestContext();

        var attempts = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => context.Auth.Setup.SetupAsync($"admin{i}", cancellationToken: Token), Token))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                return (Key: await t, Error: (TarnException?)null);
            }
            catch (TarnException e)
            {
                return (Key: (NewCredential?)null, Error: e);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Key is not null).Key!;
        Assert.All(outcomes.Where(o => o.Key is null), o =>
        {
            Assert.Equal(ErrorKind.AlreadyExists, o.Error!.Kind);
            Assert.Equal("lakeFS already initialized", o.Error.Message);
        });
        var users = await context.Auth.Users.ListAsync(PageRequest.First, Token);
        Assert.Equal([winner.Username], users.Items.Select(u => u.Username));
    }

    [Fact]
    public async Task A_setup_that_failed_midway_can_be_repeated_at_once()
    {
        var faulty = new FaultyKvStore(new Tarn.Kv.MemoryKvStore());
        var context = new AuthTestContext(kv: faulty);
        faulty.FailWrite = key => key.StartsWith("credentials/", StringComparison.Ordinal);

        await Assert.ThrowsAsync<IOException>(() => context.Auth.Setup.SetupAsync("first", cancellationToken: Token));
        Assert.False(await context.Auth.Setup.IsInitializedAsync(Token));

        faulty.FailWrite = _ => false;
        var key = await context.Auth.Setup.SetupAsync("second", cancellationToken: Token);

        Assert.True(await context.Auth.Setup.IsInitializedAsync(Token));
        Assert.Equal(["second"], (await context.Auth.Users.ListAsync(PageRequest.First, Token)).Items.Select(u => u.Username));
        Assert.Equal(["second"], (await context.Auth.Groups.ListMembersAsync("Admins", PageRequest.First, Token)).Items.Select(u => u.Username));
        Assert.True((await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Succeeded);
    }

    [Fact]
    public async Task After_a_crash_midway_setup_can_be_taken_over_once_the_claim_is_stale()
    {
        var memory = new Tarn.Kv.MemoryKvStore();
        var crashing = new FaultyKvStore(memory) { DieOnFault = true, FailWrite = key => key.StartsWith("credentials/", StringComparison.Ordinal) };
        var context = new AuthTestContext(kv: crashing);
        await Assert.ThrowsAsync<IOException>(() => context.Auth.Setup.SetupAsync("ghost", cancellationToken: Token));

        // A new process over the same data: the dead run's claim still looks alive for a minute.
        var restarted = context.Restart(memory);
        var early = await Assert.ThrowsAsync<TarnException>(() => restarted.Auth.Setup.SetupAsync("admin", cancellationToken: Token));
        Assert.Equal(ErrorKind.AlreadyExists, early.Kind);
        Assert.False(await restarted.Auth.Setup.IsInitializedAsync(Token));

        restarted.Time.Advance(TimeSpan.FromSeconds(61));
        var key = await restarted.Auth.Setup.SetupAsync("admin", cancellationToken: Token);

        Assert.True(await restarted.Auth.Setup.IsInitializedAsync(Token));
        Assert.Null(await restarted.Auth.Users.FindAsync("ghost", Token));
        Assert.Equal(["admin"], (await restarted.Auth.Groups.ListMembersAsync("Admins", PageRequest.First, Token)).Items.Select(u => u.Username));
        Assert.True((await restarted.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Succeeded);
    }

    [Fact]
    public async Task Internal_rbac_mode_creates_the_rbac_groups_and_policies()
    {
        var context = new AuthTestContext(new AuthOptions { SecretKey = AuthTestContext.MasterSecret, RbacMode = RbacMode.Internal });

        await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token);

        var groups = await context.Auth.Groups.ListAsync(PageRequest.First, Token);
        Assert.Equal(["Admins", "Developers", "SuperUsers", "Viewers"], groups.Items.Select(g => g.Name));
        var developerPolicies = await context.Auth.Policies.ListGroupPoliciesAsync("Developers", PageRequest.First, Token);
        Assert.Equal(["AuthManageOwnCredentials", "FSReadWriteAll", "RepoManagementReadAll"], developerPolicies.Items.Select(p => p.Name));
        Assert.Equal(7, (await context.Auth.Policies.ListAsync(PageRequest.First, Token)).Items.Count);
        Assert.True(await context.Auth.Authorizer.IsAllowedAsync("admin", PermissionTree.Leaf("auth:CreateUser", Arn.User("x")), Token));
    }

    [Fact]
    public async Task External_mode_always_reports_initialized()
    {
        var context = new AuthTestContext(new AuthOptions { SecretKey = AuthTestContext.MasterSecret, RbacMode = RbacMode.External });

        Assert.True((await context.Auth.Setup.GetStateAsync(Token)).Initialized);
        await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetupAsync("admin", cancellationToken: Token));
    }

    [Fact]
    public async Task Superuser_needs_setup_then_adds_another_admin()
    {
        var context = new AuthTestContext();
        var early = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.AddSuperuserAsync("second", cancellationToken: Token));
        Assert.Equal(ErrorKind.PreconditionFailed, early.Kind);

        await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token);
        var key = await context.Auth.Setup.AddSuperuserAsync("second", new AccessKeyPair("AKIASECOND", "second-secret"), Token);

        Assert.Equal("AKIASECOND", key.AccessKeyId);
        Assert.True(await context.Auth.Authorizer.IsAllowedAsync("second", PermissionTree.Leaf("auth:ListUsers", "*"), Token));
    }

    [Fact]
    public async Task Superuser_with_a_taken_key_leaves_no_user_behind()
    {
        var context = new AuthTestContext();
        await context.Auth.Setup.SetupAsync("admin", new AccessKeyPair("AKIAADMIN", "admin-secret"), Token);

        var error = await Assert.ThrowsAsync<TarnException>(
            () => context.Auth.Setup.AddSuperuserAsync("second", new AccessKeyPair("AKIAADMIN", "other"), Token));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Null(await context.Auth.Users.FindAsync("second", Token));
    }

    [Fact]
    public async Task Comm_prefs_are_validated_stored_and_then_no_longer_missing()
    {
        var context = new AuthTestContext();

        var missing = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetCommPrefsAsync(new CommPrefs("", true, true), Token));
        var invalid = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetCommPrefsAsync(new CommPrefs("not-an-email", true, true), Token));
        await context.Auth.Setup.SetCommPrefsAsync(new CommPrefs("ops@example.com", true, false), Token);

        Assert.Equal("email is required", missing.Message);
        Assert.Equal("invalid email address", invalid.Message);
        Assert.False((await context.Auth.Setup.GetStateAsync(Token)).CommPrefsMissing);
        Assert.Equal(new CommPrefs("ops@example.com", true, false), await context.Auth.Setup.GetCommPrefsAsync(Token));
        Assert.DoesNotContain("ops@example.com", new CommPrefs("ops@example.com", true, false).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefs_marked_not_given_stay_missing_after_setup_and_can_then_be_given()
    {
        var context = new AuthTestContext();
        await context.Auth.Setup.MarkCommPrefsNotGivenAsync(Token);
        await context.Auth.Setup.SetupAsync("admin", cancellationToken: Token);

        Assert.True((await context.Auth.Setup.GetStateAsync(Token)).CommPrefsMissing);
        await context.Auth.Setup.SetCommPrefsAsync(new CommPrefs("ops@example.com", false, true), Token);
        Assert.False((await context.Auth.Setup.GetStateAsync(Token)).CommPrefsMissing);

        var again = await Assert.ThrowsAsync<TarnException>(() => context.Auth.Setup.SetCommPrefsAsync(new CommPrefs("x@example.com", false, true), Token));
        Assert.Equal(ErrorKind.AlreadyExists, again.Kind);
    }

    [Fact]
    public async Task Comm_prefs_are_never_missing_when_email_subscription_is_off()
    {
        var context = new AuthTestContext(new AuthOptions { SecretKey = AuthTestContext.MasterSecret, EmailSubscriptionEnabled = false });

        Assert.False((await context.Auth.Setup.GetStateAsync(Token)).CommPrefsMissing);
    }
}
