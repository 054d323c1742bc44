using Tarn.Auth.Authorization;

namespace Tarn.Auth.Tests;

public sealed class PolicyEvaluatorTests
{
    private static readonly PermissionTree ReadObject = PermissionTree.Leaf("fs:ReadObject", Arn.Object("repo", "a.txt"));
    private static readonly PermissionTree WriteObject = PermissionTree.Leaf("fs:WriteObject", Arn.Object("repo", "a.txt"));

    [Fact]
    public void No_policies_is_neutral()
    {
        Assert.Equal(AuthorizationResult.Neutral, Evaluate(ReadObject));
    }

    [Fact]
    public void A_matching_allow_allows()
    {
        Assert.Equal(AuthorizationResult.Allow, Evaluate(ReadObject, Policy(Statement.Allowing("arn:lakefs:fs:::repository/repo/*", "fs:Read*"))));
    }

    [Fact]
    public void Deny_beats_allow_in_any_order_and_any_policy()
    {
        var allow = Policy(Statement.Allowing("*", "fs:*"));
        var deny = Policy(Statement.Denying("arn:lakefs:fs:::repository/repo/object/*", "fs:ReadObject"));

        Assert.Equal(AuthorizationResult.Deny, Evaluate(ReadObject, allow, deny));
        Assert.Equal(AuthorizationResult.Deny, Evaluate(ReadObject, deny, allow));
        Assert.Equal(AuthorizationResult.Allow, Evaluate(WriteObject, deny, allow));
    }

    [Fact]
    public void And_needs_every_child_and_or_needs_one_unless_something_is_denied()
    {
        var policies = new[] { Policy(Statement.Allowing("*", "fs:ReadObject"), Statement.Denying("*", "fs:DeleteObject")) };
        var delete = PermissionTree.Leaf("fs:DeleteObject", Arn.Object("repo", "a.txt"));

        Assert.Equal(AuthorizationResult.Neutral, Evaluate(PermissionTree.AllOf(ReadObject, WriteObject), policies));
        Assert.Equal(AuthorizationResult.Allow, Evaluate(PermissionTree.AnyOf(ReadObject, WriteObject), policies));
        Assert.Equal(AuthorizationResult.Deny, Evaluate(PermissionTree.AnyOf(ReadObject, delete), policies));
        Assert.Equal(AuthorizationResult.Deny, Evaluate(PermissionTree.AllOf(ReadObject, delete), policies));
    }

    [Fact]
    public void Empty_combinations_are_refused_rather_than_granted()
    {
        Assert.Throws<ArgumentException>(() => PermissionTree.AllOf());
        Assert.Throws<ArgumentException>(() => PermissionTree.AnyOf());
    }

    [Fact]
    public void The_user_variable_grants_own_credentials_only_even_to_a_user_named_with_wildcards()
    {
        var ownCredentials = Policy(Statement.Allowing("arn:lakefs:auth:::user/${user}", "auth:CreateCredentials"));
        var forAlice = PermissionTree.Leaf("auth:CreateCredentials", Arn.User("alice"));
        var forSelf = PermissionTree.Leaf("auth:CreateCredentials", Arn.User("a*"));

        Assert.Equal(AuthorizationResult.Neutral, PolicyEvaluator.Evaluate(forAlice, "a*", [ownCredentials]));
        Assert.Equal(AuthorizationResult.Allow, PolicyEvaluator.Evaluate(forSelf, "a*", [ownCredentials]));
        Assert.Equal(AuthorizationResult.Allow, PolicyEvaluator.Evaluate(forAlice, "alice", [ownCredentials]));
    }

    private static AuthorizationResult Evaluate(PermissionTree permission, params Policy[] policies) =>
        PolicyEvaluator.Evaluate(permission, "alice", policies);

    private static Policy Policy(params Statement[] statements) =>
        new($"p{Guid.NewGuid():N}", DateTimeOffset.UnixEpoch, statements);
}
