using Tarn.Auth.Authorization;

namespace Tarn.Auth.Tests;

public sealed class AuthorizerTests
{
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Theory]
    [InlineData("Write", "fs:CreateCommit", "repository/repo/branch/main", true)]
    [InlineData("Write", "fs:CreateRepository", "repository/repo", false)]
    [InlineData("Write", "fs:ImportFromStorage", "namespace/s3://bucket", false)]
    [InlineData("Write", "fs:DeleteRepository", "repository/repo", false)]
    [InlineData("Super", "fs:DeleteRepository", "repository/repo", true)]
    [InlineData("Super", "ci:ReadAction", "repository/repo", true)]
    [InlineData("Read", "fs:CreateBranch", "repository/repo/branch/dev", false)]
    [InlineData("Read", "ci:ReadAction", "repository/repo", false)]
    [InlineData("Read", "fs:ReadObject", "repository/repo/object/a.txt", true)]
    [InlineData("Admin", "retention:SetGarbageCollectionRules", "repository/repo", true)]
    public async Task Acl_levels_grant_what_simplified_mode_documents(string level, string action, string resource, bool allowed)
    {
        await _context.CreateUserWithAclAsync("user", level);

        var result = await _context.Auth.Authorizer.IsAllowedAsync("user", PermissionTree.Leaf(action, $"arn:lakefs:fs:::{resource}"), Token);

        Assert.Equal(allowed, result);
    }

    [Theory]
    [InlineData("Super")]
    [InlineData("Write")]
    [InlineData("Read")]
    public async Task Non_admin_levels_cannot_list_users_but_manage_their_own_credentials(string level)
    {
        await _context.CreateUserWithAclAsync("user", level);
        await _context.CreateUserAsync("other");

        Assert.False(await _context.Auth.Authorizer.IsAllowedAsync("user", PermissionTree.Leaf("auth:ListUsers", "*"), Token));
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("user", PermissionTree.Leaf("auth:CreateCredentials", Arn.User("user")), Token));
        Assert.False(await _context.Auth.Authorizer.IsAllowedAsync("user", PermissionTree.Leaf("auth:CreateCredentials", Arn.User("other")), Token));
    }

    [Fact]
    public async Task Group_policies_are_inherited_and_a_direct_deny_overrides_them()
    {
        await _context.CreateUserWithAclAsync("alice", "Admin");
        var readSecret = PermissionTree.Leaf("fs:ReadObject", Arn.Object("secret", "x"));
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", readSecret, Token));

        await _context.Auth.Policies.CreateAsync("no-secret", [Statement.Denying("arn:lakefs:fs:::repository/secret/*", "fs:*")], cancellationToken: Token);
        await _context.Auth.Policies.AttachToUserAsync("alice", "no-secret", Token);

        Assert.Equal(AuthorizationResult.Deny, await _context.Auth.Authorizer.AuthorizeAsync("alice", readSecret, Token));
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", PermissionTree.Leaf("fs:ReadObject", Arn.Object("public", "x")), Token));
    }

    [Fact]
    public async Task Mutations_take_effect_at_once_despite_the_cache()
    {
        await _context.CreateUserWithAclAsync("alice", "Write");
        var commit = PermissionTree.Leaf("fs:CreateCommit", Arn.Branch("repo", "main"));
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));

        await _context.Auth.Acls.SetAsync("alice-group", "Read", Token);
        Assert.False(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));

        await _context.Auth.Acls.SetAsync("alice-group", "Write", Token);
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));

        await _context.Auth.Groups.RemoveMemberAsync("alice-group", "alice", Token);
        Assert.False(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));
    }

    [Fact]
    public async Task Changes_made_by_another_instance_show_after_the_cache_lifetime()
    {
        await _context.CreateUserWithAclAsync("alice", "Write");
        var commit = PermissionTree.Leaf("fs:CreateCommit", Arn.Branch("repo", "main"));
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));

        var otherInstance = _context.Restart();
        await otherInstance.Auth.Groups.RemoveMemberAsync("alice-group", "alice", Token);
        Assert.True(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));

        _context.Time.Advance(TimeSpan.FromSeconds(21));
        Assert.False(await _context.Auth.Authorizer.IsAllowedAsync("alice", commit, Token));
    }

    [Fact]
    public async Task Unknown_users_are_neutral()
    {
        Assert.Equal(AuthorizationResult.Neutral, await _context.Auth.Authorizer.AuthorizeAsync("ghost", PermissionTree.Leaf("fs:ReadObject", "*"), Token));
    }
}
