using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tarn.Api.Authorization;

namespace Tarn.Api.Tests;

/// <summary>
/// Policy evaluation through HTTP (docs/access-control.md, "Evaluation"): deny beats allow wherever it comes from, wildcards in
/// actions and resources, policies inherited from groups (and lost with the membership at once),
/// <c>${user}</c>, and credentials and tokens that stop working when revoked.
/// </summary>
public sealed class PolicyEvaluationTests(InternalRbacServerFixture fixture) : IClassFixture<InternalRbacServerFixture>
{
    private const string Failure = "error authenticating request";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deny_beats_every_allow_including_one_from_a_group()
    {
        using var api = fixture.AdminApi();
        await api.NewGroupAsync("no-deleting");
        await api.PutPolicyAsync("deny-delete-locked", PolicyStatement.Deny("arn:lakefs:fs:::repository/locked", "fs:DeleteRepository"));
        await api.AttachToGroupAsync("no-deleting", "deny-delete-locked");
        using var user = await api.NewUserClientAsync("denied-one");
        await api.PutPolicyAsync("allow-all-fs", PolicyStatement.Allow("*", "fs:*"));
        await api.AttachToUserAsync("denied-one", "allow-all-fs");

        await ExpectPastAuthorizationAsync(await user.DeleteAsync("api/v1/repositories/locked", Token));
        await api.AddToGroupAsync("no-deleting", "denied-one");
        await ExpectDeniedAsync(await user.DeleteAsync("api/v1/repositories/locked", Token));
        await ExpectPastAuthorizationAsync(await user.DeleteAsync("api/v1/repositories/open", Token));
        await ExpectPastAuthorizationAsync(await user.GetAsync("api/v1/repositories/locked", Token));
    }

    [Fact]
    public async Task Wildcards_match_actions_and_resources()
    {
        using var api = fixture.AdminApi();
        using var user = await api.NewUserClientAsync("wildcards");
        await api.PutPolicyAsync("wildcards",
            PolicyStatement.Allow("arn:lakefs:fs:::repository/team-*", "fs:Read*"),
            PolicyStatement.Allow("arn:lakefs:fs:::repository/shared/object/public/*", "fs:ReadObject"),
            PolicyStatement.Allow("arn:lakefs:fs:::repository/v?", "fs:ListBranches"));
        await api.AttachToUserAsync("wildcards", "wildcards");

        await ExpectPastAuthorizationAsync(await user.GetAsync("api/v1/repositories/team-a", Token));
        await ExpectPastAuthorizationAsync(await user.GetAsync("api/v1/repositories/team-a/branches/main", Token));
        await ExpectDeniedAsync(await user.GetAsync("api/v1/repositories/other", Token));
        await ExpectDeniedAsync(await user.DeleteAsync("api/v1/repositories/team-a", Token));

        await ExpectPastAuthorizationAsync(await user.GetAsync("api/v1/repositories/shared/refs/main/objects?path=public/a/b.csv", Token));
        await ExpectDeniedAsync(await user.GetAsync("api/v1/repositories/shared/refs/main/objects?path=private/b.csv", Token));

        await ExpectPastAuthorizationAsync(await user.GetAsync("api/v1/repositories/v1/branches", Token));
        await ExpectDeniedAsync(await user.GetAsync("api/v1/repositories/v10/branches", Token));
    }

    [Fact]
    public async Task Group_policies_apply_to_members_and_stop_with_the_membership()
    {
        using var api = fixture.AdminApi();
        using var viewer = await api.NewUserClientAsync("viewer", "Viewers");
        await ExpectPastAuthorizationAsync(await viewer.GetAsync("api/v1/repositories", Token));
        await ExpectDeniedAsync(await viewer.PostAsJsonAsync("api/v1/repositories/repo1/branches", new { name = "b", source = "main" }, Token));

        await api.RemoveFromGroupAsync("Viewers", "viewer");
        await ExpectDeniedAsync(await viewer.GetAsync("api/v1/repositories", Token));
    }

    [Fact]
    public async Task User_variable_grants_own_credentials_only_and_glob_names_are_refused()
    {
        using var api = fixture.AdminApi();
        await api.NewUserAsync("someone-else");
        using var viewer = await api.NewUserClientAsync("self-service", "Viewers");
        Assert.Equal(HttpStatusCode.Created, (await viewer.PostAsync("api/v1/auth/users/self-service/credentials", null, Token)).StatusCode);
        await ExpectDeniedAsync(await viewer.PostAsync("api/v1/auth/users/someone-else/credentials", null, Token));

        // A user called "*" would match ${user} patterns of everyone.
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync("api/v1/auth/users", new { id = "*" }, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync("api/v1/auth/users", new { id = "some?" }, Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deleted_credentials_stop_authenticating_and_revoke_the_tokens_they_minted()
    {
        using var api = fixture.AdminApi();
        var (firstKey, firstSecret) = await api.NewUserAsync("revoked", "Viewers");
        var (secondKey, secondSecret) = await api.NewKeyAsync("revoked");
        using var anonymous = fixture.Server.CreateClient();
        var login = await ApiAssert.JsonAsync(await anonymous.PostAsJsonAsync(
            "api/v1/auth/login", new { access_key_id = firstKey, secret_access_key = firstSecret }, Token));
        var token = login.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await GetUserWithTokenAsync(anonymous, token)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.DeleteAsync($"api/v1/auth/users/revoked/credentials/{firstKey}", Token)).StatusCode);
        using var first = fixture.Server.CreateClient(firstKey, firstSecret);
        await ApiAssert.ErrorAsync(await first.GetAsync("api/v1/user", Token), HttpStatusCode.Unauthorized, Failure);
        await ApiAssert.ErrorAsync(await GetUserWithTokenAsync(anonymous, token), HttpStatusCode.Unauthorized, Failure);
        using var second = fixture.Server.CreateClient(secondKey, secondSecret);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("api/v1/user", Token)).StatusCode);
    }

    [Fact]
    public async Task A_deleted_user_is_locked_out_even_when_re_created()
    {
        using var api = fixture.AdminApi();
        var (key, secret) = await api.NewUserAsync("phoenix", "Viewers");
        using var anonymous = fixture.Server.CreateClient();
        var login = await ApiAssert.JsonAsync(await anonymous.PostAsJsonAsync(
            "api/v1/auth/login", new { access_key_id = key, secret_access_key = secret }, Token));
        var token = login.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await api.Client.DeleteAsync("api/v1/auth/users/phoenix", Token)).StatusCode);
        await api.NewUserAsync("phoenix", "Admins");
        using var old = fixture.Server.CreateClient(key, secret);
        await ApiAssert.ErrorAsync(await old.GetAsync("api/v1/user", Token), HttpStatusCode.Unauthorized, Failure);
        await ApiAssert.ErrorAsync(await GetUserWithTokenAsync(anonymous, token), HttpStatusCode.Unauthorized, Failure);
    }

    private static async Task<HttpResponseMessage> GetUserWithTokenAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Token);
    }

    private static async Task ExpectDeniedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, ApiAuthorizationMiddleware.DeniedMessage);
        }
    }

    private static async Task ExpectPastAuthorizationAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"denied: {text}");
        }
    }
}
