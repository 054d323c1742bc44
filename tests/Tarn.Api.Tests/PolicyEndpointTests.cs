using System.Net;
using System.Net.Http.Json;

namespace Tarn.Api.Tests;

/// <summary>
/// The policy API in internal RBAC mode (docs/access-control.md, "Policies" and "RBAC modes"), its answers checked
/// against the OpenAPI document.
/// </summary>
public sealed class PolicyEndpointTests(InternalRbacServerFixture fixture) : IClassFixture<InternalRbacServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static object ReadRepositories(string id) =>
        new { id, statement = new[] { new { effect = "allow", action = new[] { "fs:ReadRepository" }, resource = "*" } } };

    [Fact]
    public async Task Setup_created_the_rbac_groups_and_policies()
    {
        using var admin = fixture.Admin();
        var groups = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups", Token));
        Assert.Equal(["Admins", "Developers", "SuperUsers", "Viewers"], groups.GetProperty("results").EnumerateArray().Select(g => g.GetProperty("id").GetString()));

        using var policies = await admin.GetAsync("api/v1/auth/policies?prefix=FS", Token);
        await SchemaAssert.MatchesAsync("listPolicies", policies);
        var names = (await ApiAssert.JsonAsync(policies)).GetProperty("results").EnumerateArray().Select(p => p.GetProperty("id").GetString());
        Assert.Equal(["FSFullAccess", "FSReadAll", "FSReadWriteAll"], names);

        using var viewers = await admin.GetAsync("api/v1/auth/groups/Viewers/policies", Token);
        await SchemaAssert.MatchesAsync("listGroupPolicies", viewers);
        Assert.Equal(["AuthManageOwnCredentials", "FSReadAll"],
            (await ApiAssert.JsonAsync(viewers)).GetProperty("results").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Policies_are_created_read_updated_and_deleted()
    {
        using var admin = fixture.Admin();
        using var created = await admin.PostAsJsonAsync("api/v1/auth/policies", ReadRepositories("crud-policy"), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await SchemaAssert.MatchesAsync("createPolicy", created);
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/policies", ReadRepositories("crud-policy"), Token), HttpStatusCode.Conflict, "Already exists");

        using var read = await admin.GetAsync("api/v1/auth/policies/crud-policy", Token);
        await SchemaAssert.MatchesAsync("getPolicy", read);
        var policy = await ApiAssert.JsonAsync(read);
        Assert.Equal("fs:ReadRepository", policy.GetProperty("statement")[0].GetProperty("action")[0].GetString());

        await ApiAssert.ErrorAsync(await admin.PutAsJsonAsync("api/v1/auth/policies/crud-policy", ReadRepositories("other-name"), Token),
            HttpStatusCode.BadRequest, "can't update policy id");
        var denying = new { id = "crud-policy", statement = new[] { new { effect = "deny", action = new[] { "fs:*" }, resource = "arn:lakefs:fs:::repository/x" } } };
        using var updated = await admin.PutAsJsonAsync("api/v1/auth/policies/crud-policy", denying, Token);
        await SchemaAssert.MatchesAsync("updatePolicy", updated);
        Assert.Equal("deny", (await ApiAssert.JsonAsync(updated)).GetProperty("statement")[0].GetProperty("effect").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("api/v1/auth/policies/crud-policy", Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/policies/crud-policy", Token), HttpStatusCode.NotFound, "policy not found");
        await ApiAssert.ErrorAsync(await admin.PutAsJsonAsync("api/v1/auth/policies/crud-policy", denying, Token), HttpStatusCode.NotFound, "policy not found");
    }

    [Theory]
    [InlineData("maybe", "fs:ReadObject", "*")]
    [InlineData("allow", "*", "*")]
    [InlineData("allow", "storage:ReadObject", "*")]
    [InlineData("allow", "fs:Read:Object", "*")]
    [InlineData("allow", "fs:ReadObject", "arn:lakefs:fs")]
    public async Task Invalid_statements_are_refused_with_400(string effect, string action, string resource)
    {
        using var admin = fixture.Admin();
        var body = new { id = "invalid-policy", statement = new[] { new { effect, action = new[] { action }, resource } } };
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/policies", body, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/policies/invalid-policy", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attachments_list_directly_and_effectively()
    {
        using var api = fixture.AdminApi();
        await api.NewUserAsync("attached", "Viewers");
        await api.PutPolicyAsync("attached-direct", PolicyStatement.Allow("*", "fs:ListRepositories"));
        var admin = api.Client;
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("api/v1/auth/users/attached/policies/attached-direct", null, Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.PutAsync("api/v1/auth/users/attached/policies/attached-direct", null, Token), HttpStatusCode.Conflict);
        await ApiAssert.ErrorAsync(await admin.PutAsync("api/v1/auth/users/attached/policies/no-such-policy", null, Token), HttpStatusCode.NotFound, "policy not found");

        using var direct = await admin.GetAsync("api/v1/auth/users/attached/policies", Token);
        await SchemaAssert.MatchesAsync("listUserPolicies", direct);
        Assert.Equal(["attached-direct"], Ids(await ApiAssert.JsonAsync(direct)));
        var effective = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/attached/policies?effective=true", Token));
        Assert.Equal(["AuthManageOwnCredentials", "FSReadAll", "attached-direct"], Ids(effective));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("api/v1/auth/users/attached/policies/attached-direct", Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.DeleteAsync("api/v1/auth/users/attached/policies/attached-direct", Token), HttpStatusCode.NotFound);
        Assert.Empty(Ids(await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/attached/policies", Token))));
    }

    [Fact]
    public async Task A_group_whose_policies_are_not_an_acl_answers_no_acl()
    {
        using var api = fixture.AdminApi();
        await api.NewGroupAsync("acl-less");
        await api.PutPolicyAsync("acl-less-policy", PolicyStatement.Allow("*", "fs:ListRepositories"));
        await api.AttachToGroupAsync("acl-less", "acl-less-policy");
        using var answer = await api.Client.GetAsync("api/v1/auth/groups/acl-less/acl", Token);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        await SchemaAssert.MatchesAsync("getGroupACL", answer);
        var body = await ApiAssert.JsonAsync(answer, HttpStatusCode.NotFound);
        Assert.Equal("Policy attached to group has no ACL", body.GetProperty("message").GetString());
        Assert.True(body.GetProperty("no_acl").GetBoolean());

        // Setting an ACL replaces whatever was attached.
        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsJsonAsync("api/v1/auth/groups/acl-less/acl", new { permission = "Write" }, Token)).StatusCode);
        var acl = await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/groups/acl-less/acl", Token));
        Assert.Equal("Write", acl.GetProperty("permission").GetString());
        Assert.Equal(["ACL(_-_)acl-less"], Ids(await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/groups/acl-less/policies", Token))));
    }

    private static string[] Ids(System.Text.Json.JsonElement list) =>
        [.. list.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
}
