using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tarn.Api.Tests;

/// <summary>
/// Users, groups, memberships, credentials and group ACLs over HTTP (docs/access-control.md, "Users, groups and
/// credentials" and "Group ACLs").
/// </summary>
public sealed class UserGroupEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_are_created_read_listed_and_deleted()
    {
        using var admin = fixture.Admin();
        var created = await ApiAssert.JsonAsync(await admin.PostAsJsonAsync("api/v1/auth/users", new { id = "alice" }, Token), HttpStatusCode.Created);
        Assert.Equal("alice", created.GetProperty("id").GetString());
        Assert.InRange(created.GetProperty("creation_date").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.False(created.TryGetProperty("email", out _));
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/users", new { id = "alice" }, Token), HttpStatusCode.Conflict, "Already exists");

        var read = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/alice", Token));
        Assert.Equal(created.GetProperty("creation_date").GetInt64(), read.GetProperty("creation_date").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("api/v1/auth/users/alice", Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/users/alice", Token), HttpStatusCode.NotFound, "user not found");
        await ApiAssert.ErrorAsync(await admin.DeleteAsync("api/v1/auth/users/alice", Token), HttpStatusCode.NotFound, "user not found");
    }

    [Theory]
    [InlineData("""{"id":""}""", HttpStatusCode.BadRequest, "invalid user name: validation error")]
    [InlineData("""{"id":"a%b"}""", HttpStatusCode.BadRequest, "User name cannot contain '%'")]
    [InlineData("""{"id":"a/b"}""", HttpStatusCode.BadRequest, "invalid user name: validation error")]
    [InlineData("""{"id":"not-an-address","invite_user":true}""", HttpStatusCode.BadRequest, "invalid email address")]
    [InlineData("""{"id":"someone@example.com","invite_user":true}""", HttpStatusCode.NotImplemented, "Not implemented")]
    [InlineData("""{"invite_user":false}""", HttpStatusCode.BadRequest, null)]
    public async Task Bad_user_creations_are_refused(string body, HttpStatusCode status, string? message)
    {
        using var admin = fixture.Admin();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ErrorAsync(await admin.PostAsync("api/v1/auth/users", content, Token), status, message);
    }

    [Fact]
    public async Task Auth_lists_page_as_lakefs_does()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        foreach (var name in new[] { "page-c", "page-a", "page-b" })
        {
            await api.NewUserAsync(name);
        }

        var first = await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/users?prefix=page-&amount=2", Token));
        Assert.Equal(["page-a", "page-b"], Ids(first));
        AssertPagination(first, hasMore: true, nextOffset: "page-b", results: 2);

        var second = await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/users?prefix=page-&amount=2&after=page-b", Token));
        Assert.Equal(["page-c"], Ids(second));
        AssertPagination(second, hasMore: false, nextOffset: "", results: 1);

        // A full page says there may be more even when there is not (docs/access-control.md, "Paging auth lists").
        var exact = await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/users?prefix=page-&amount=3", Token));
        AssertPagination(exact, hasMore: true, nextOffset: "page-c", results: 3);
        var empty = await ApiAssert.JsonAsync(await api.Client.GetAsync("api/v1/auth/users?prefix=page-&after=page-c", Token));
        AssertPagination(empty, hasMore: false, nextOffset: "", results: 0);

        foreach (var amount in new[] { "0", "-5", "5000", "99999999999" })
        {
            var clamped = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/auth/users?prefix=page-&amount={amount}", Token));
            Assert.Equal(3, Ids(clamped).Length);
        }

        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/auth/users?amount=ten", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Groups_and_memberships()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        var admin = api.Client;
        await api.NewUserAsync("member");
        var group = await ApiAssert.JsonAsync(await admin.PostAsJsonAsync("api/v1/auth/groups", new { id = "team" }, Token), HttpStatusCode.Created);
        Assert.Equal("team", group.GetProperty("name").GetString());
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/groups", new { id = "team" }, Token), HttpStatusCode.Conflict);
        var read = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups/team", Token));
        Assert.False(read.TryGetProperty("name", out _));

        await api.AddToGroupAsync("team", "member");
        await ApiAssert.ErrorAsync(await admin.PutAsync("api/v1/auth/groups/team/members/member", null, Token), HttpStatusCode.Conflict);
        await ApiAssert.ErrorAsync(await admin.PutAsync("api/v1/auth/groups/team/members/ghost", null, Token), HttpStatusCode.NotFound, "ghost: not found");
        Assert.Equal(["member"], Ids(await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups/team/members", Token))));
        Assert.Equal(["team"], Ids(await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/member/groups", Token))));

        await api.RemoveFromGroupAsync("team", "member");
        await ApiAssert.ErrorAsync(await admin.DeleteAsync("api/v1/auth/groups/team/members/member", Token), HttpStatusCode.NotFound);
        Assert.Empty(Ids(await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/member/groups", Token))));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("api/v1/auth/groups/team", Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/groups/team", Token), HttpStatusCode.NotFound, "group not found");
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/users/ghost/groups", Token), HttpStatusCode.NotFound, "user not found");
    }

    [Fact]
    public async Task Credentials_show_their_secret_only_once()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        var admin = api.Client;
        var (keyId, secret) = await api.NewUserAsync("keyholder");
        await api.NewUserAsync("other-keyholder");
        Assert.Matches("^AKIAJ[A-Z2-7]{14}Q$", keyId);
        Assert.Equal(40, secret.Length);

        var listed = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/users/keyholder/credentials", Token));
        var only = Assert.Single(listed.GetProperty("results").EnumerateArray());
        Assert.Equal(keyId, only.GetProperty("access_key_id").GetString());
        Assert.False(only.TryGetProperty("secret_access_key", out _));
        var read = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/auth/users/keyholder/credentials/{keyId}", Token));
        Assert.False(read.TryGetProperty("secret_access_key", out _));

        // Someone else's key id is not found under another user, for reading or deleting.
        await ApiAssert.ErrorAsync(await admin.GetAsync($"api/v1/auth/users/other-keyholder/credentials/{keyId}", Token), HttpStatusCode.NotFound, "credentials not found");
        await ApiAssert.ErrorAsync(await admin.DeleteAsync($"api/v1/auth/users/other-keyholder/credentials/{keyId}", Token), HttpStatusCode.NotFound, "credentials not found");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"api/v1/auth/users/keyholder/credentials/{keyId}", Token)).StatusCode);
        await ApiAssert.ErrorAsync(await admin.GetAsync($"api/v1/auth/users/keyholder/credentials/{keyId}", Token), HttpStatusCode.NotFound, "credentials not found");
        await ApiAssert.ErrorAsync(await admin.PostAsync("api/v1/auth/users/ghost/credentials", null, Token), HttpStatusCode.NotFound, "user not found");
    }

    [Fact]
    public async Task Group_acls_are_set_and_read()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        var admin = api.Client;
        await api.NewGroupAsync("acl-team");
        Assert.Equal("", (await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups/acl-team/acl", Token))).GetProperty("permission").GetString());

        using var set = await admin.PostAsJsonAsync("api/v1/auth/groups/acl-team/acl", new { permission = "Super" }, Token);
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        Assert.Equal("Super", (await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups/acl-team/acl", Token))).GetProperty("permission").GetString());

        var bad = await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/groups/acl-team/acl", new { permission = "super" }, Token), HttpStatusCode.BadRequest);
        Assert.Contains("Bad ACL permission", bad, StringComparison.Ordinal);
        await ApiAssert.ErrorAsync(await admin.PostAsJsonAsync("api/v1/auth/groups/ghost-team/acl", new { permission = "Read" }, Token), HttpStatusCode.NotFound, "group not found");
        await ApiAssert.ErrorAsync(await admin.GetAsync("api/v1/auth/groups/ghost-team/acl", Token), HttpStatusCode.NotFound, "group not found");

        // The ACL is what members get: a Super member may delete repositories (404 for a missing one: past authorization).
        using var member = await api.NewUserClientAsync("acl-member", "acl-team");
        await ApiAssert.ErrorAsync(await member.DeleteAsync("api/v1/repositories/repo1", Token), HttpStatusCode.NotFound, "repository not found");
    }

    private static string[] Ids(JsonElement list) =>
        [.. list.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];

    private static void AssertPagination(JsonElement list, bool hasMore, string nextOffset, int results)
    {
        var pagination = list.GetProperty("pagination");
        Assert.Equal(hasMore, pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal(nextOffset, pagination.GetProperty("next_offset").GetString());
        Assert.Equal(results, pagination.GetProperty("results").GetInt32());
        Assert.Equal(1000, pagination.GetProperty("max_per_page").GetInt32());
    }
}
