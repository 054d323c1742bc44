using System.Net;
using System.Net.Http.Json;
using Tarn.Api.Authorization;

namespace Tarn.Api.Tests;

/// <summary>
/// Simplified (ACL) mode, lakeFS open source's default (docs/access-control.md, "RBAC modes"): the four ACL groups behave as
/// their levels say, checked at the authorization level (an operation not built yet answers 501 once it is
/// past authorization), and the policy API answers 501 before authentication.
/// </summary>
public sealed class SimplifiedModeTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private const string Denied = ApiAuthorizationMiddleware.DeniedMessage;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Policy_operations_answer_501_before_authentication()
    {
        using var anonymous = fixture.Server.CreateClient();
        using var wrongKey = fixture.Server.CreateClient(fixture.AccessKeyId, "wrong-secret");
        using var admin = fixture.Admin();
        var policyOperations = SchemaAssert.LoadSpec().Operations.Where(o => o.Path.Contains("/policies", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, policyOperations.Count);
        foreach (var operation in policyOperations)
        {
            foreach (var client in new[] { anonymous, wrongKey, admin })
            {
                using var request = OperationSamples.Request(operation.OperationId, operation.Method, operation.Path);
                await ApiAssert.ErrorAsync(await client.SendAsync(request, Token), HttpStatusCode.NotImplemented, PolicyApiGate.Message);
            }
        }
    }

    [Fact]
    public async Task Setup_created_the_four_acl_groups()
    {
        using var admin = fixture.Admin();
        var groups = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/auth/groups", Token));
        Assert.Equal(["Admins", "Readers", "Supers", "Writers"], groups.GetProperty("results").EnumerateArray().Select(g => g.GetProperty("id").GetString()!));
        foreach (var (group, level) in new[] { ("Admins", "Admin"), ("Supers", "Super"), ("Writers", "Write"), ("Readers", "Read") })
        {
            var acl = await ApiAssert.JsonAsync(await admin.GetAsync($"api/v1/auth/groups/{group}/acl", Token));
            Assert.Equal(level, acl.GetProperty("permission").GetString());
        }
    }

    [Fact]
    public async Task Writers_commit_and_branch_but_cannot_create_or_delete_repositories_or_import()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        using var writer = await api.NewUserClientAsync("writer", "Writers");
        await ExpectPastAuthorizationAsync(await writer.PostAsJsonAsync("api/v1/repositories/repo1/branches/main/commits", new { message = "m" }, Token));
        await ExpectPastAuthorizationAsync(await writer.PostAsJsonAsync("api/v1/repositories/repo1/refs/dev/merge/main", new { }, Token));
        await ExpectPastAuthorizationAsync(await writer.PostAsJsonAsync("api/v1/repositories/repo1/branches", new { name = "dev", source = "main" }, Token));
        await ExpectPastAuthorizationAsync(await writer.GetAsync("api/v1/repositories/repo1/actions/runs", Token));

        await ExpectDeniedAsync(await writer.PostAsJsonAsync("api/v1/repositories", new { name = "repo2", storage_namespace = "local://r2" }, Token));
        await ExpectDeniedAsync(await writer.DeleteAsync("api/v1/repositories/repo1", Token));
        var import = new { paths = new[] { new { type = "object", path = "local://b/a", destination = "a" } }, commit = new { message = "m" } };
        await ExpectDeniedAsync(await writer.PostAsJsonAsync("api/v1/repositories/repo1/branches/main/import", import, Token));
        await ExpectDeniedAsync(await writer.GetAsync("api/v1/auth/users", Token));
    }

    [Fact]
    public async Task Supers_delete_repositories_but_cannot_list_users()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        using var super = await api.NewUserClientAsync("super", "Supers");
        await ExpectPastAuthorizationAsync(await super.DeleteAsync("api/v1/repositories/repo1", Token));
        await ExpectPastAuthorizationAsync(await super.PostAsJsonAsync("api/v1/repositories", new { name = "repo2", storage_namespace = "local://r2" }, Token));
        await ExpectDeniedAsync(await super.GetAsync("api/v1/auth/users", Token));
        await ExpectDeniedAsync(await super.PostAsJsonAsync("api/v1/auth/groups", new { id = "supers-own" }, Token));
        await ExpectDeniedAsync(await super.PutAsJsonAsync("api/v1/repositories/repo1/settings/gc_rules", new { }, Token));
    }

    [Fact]
    public async Task Readers_read_but_cannot_create_branches_or_read_action_runs()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        using var reader = await api.NewUserClientAsync("reader", "Readers");
        await ExpectPastAuthorizationAsync(await reader.GetAsync("api/v1/repositories/repo1/branches", Token));
        await ExpectPastAuthorizationAsync(await reader.GetAsync("api/v1/repositories/repo1/refs/main/objects?path=a.txt", Token));
        await ExpectDeniedAsync(await reader.PostAsJsonAsync("api/v1/repositories/repo1/branches", new { name = "dev", source = "main" }, Token));
        await ExpectDeniedAsync(await reader.GetAsync("api/v1/repositories/repo1/actions/runs", Token));
        await ExpectDeniedAsync(await reader.DeleteAsync("api/v1/repositories/repo1/branches/main/objects?path=a.txt", Token));

        // fs:ReadConfig is part of the Read level, so the storage half of getConfig is there.
        var config = await ApiAssert.JsonAsync(await reader.GetAsync("api/v1/config", Token));
        Assert.True(config.TryGetProperty("storage_config", out _));
    }

    [Fact]
    public async Task Every_level_manages_its_own_credentials_and_nobody_elses()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        await api.NewUserAsync("bystander");
        using var reader = await api.NewUserClientAsync("own-keys", "Readers");
        Assert.Equal(HttpStatusCode.Created, (await reader.PostAsync("api/v1/auth/users/own-keys/credentials", null, Token)).StatusCode);
        var keys = await ApiAssert.JsonAsync(await reader.GetAsync("api/v1/auth/users/own-keys/credentials", Token));
        Assert.Equal(2, keys.GetProperty("results").GetArrayLength());

        await ExpectDeniedAsync(await reader.PostAsync("api/v1/auth/users/bystander/credentials", null, Token));
        await ExpectDeniedAsync(await reader.GetAsync("api/v1/auth/users/bystander/credentials", Token));
        await ExpectDeniedAsync(await reader.GetAsync("api/v1/auth/users/own-keys", Token));
    }

    [Fact]
    public async Task A_user_in_no_group_gets_only_the_authentication_only_operations()
    {
        using var api = new AdminApi(fixture.Server, fixture.Admin());
        using var loner = await api.NewUserClientAsync("loner");
        Assert.Equal(HttpStatusCode.OK, (await loner.GetAsync("api/v1/user", Token)).StatusCode);
        var config = await ApiAssert.JsonAsync(await loner.GetAsync("api/v1/config", Token));
        Assert.True(config.TryGetProperty("version_config", out _));
        Assert.False(config.TryGetProperty("storage_config", out _));
        await ExpectDeniedAsync(await loner.GetAsync("api/v1/config/storage", Token));
        await ExpectDeniedAsync(await loner.GetAsync("api/v1/repositories", Token));
    }

    private static async Task ExpectDeniedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, Denied);
        }
    }

    // Past authorization means any answer but the 401 denial: the handler ran (404 for a missing repository, or 501).
    private static async Task ExpectPastAuthorizationAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"denied: {text}");
        }
    }
}
