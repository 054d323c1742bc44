using System.Net;
using System.Net.Http.Json;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>
/// Arranges users, groups and policies through the HTTP API as an admin, failing the test on any
/// unexpected answer. Policy calls need a server in internal RBAC mode.
/// </summary>
public sealed class AdminApi(TarnTestServer server, HttpClient admin) : IDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public HttpClient Client => admin;

    /// <summary>Creates a user with an access key (and group memberships) and returns a client that acts as it.</summary>
    public async Task<HttpClient> NewUserClientAsync(string username, params string[] groups)
    {
        var (accessKeyId, secret) = await NewUserAsync(username, groups);
        return server.CreateClient(accessKeyId, secret);
    }

    /// <summary>Creates a user with an access key (and group memberships); returns the key.</summary>
    public async Task<(string AccessKeyId, string SecretAccessKey)> NewUserAsync(string username, params string[] groups)
    {
        await ExpectAsync(await admin.PostAsJsonAsync("api/v1/auth/users", new { id = username }, Token), HttpStatusCode.Created);
        foreach (var group in groups)
        {
            await AddToGroupAsync(group, username);
        }

        return await NewKeyAsync(username);
    }

    public async Task<(string AccessKeyId, string SecretAccessKey)> NewKeyAsync(string username)
    {
        var key = await ApiAssert.JsonAsync(
            await admin.PostAsync($"api/v1/auth/users/{username}/credentials", null, Token), HttpStatusCode.Created);
        return (key.GetProperty("access_key_id").GetString()!, key.GetProperty("secret_access_key").GetString()!);
    }

    public async Task NewGroupAsync(string group) =>
        await ExpectAsync(await admin.PostAsJsonAsync("api/v1/auth/groups", new { id = group }, Token), HttpStatusCode.Created);

    public async Task AddToGroupAsync(string group, string username) =>
        await ExpectAsync(await admin.PutAsync($"api/v1/auth/groups/{group}/members/{username}", null, Token), HttpStatusCode.Created);

    public async Task RemoveFromGroupAsync(string group, string username) =>
        await ExpectAsync(await admin.DeleteAsync($"api/v1/auth/groups/{group}/members/{username}", Token), HttpStatusCode.NoContent);

    /// <summary>Creates the policy, or replaces its statements when it exists.</summary>
    public async Task PutPolicyAsync(string name, params PolicyStatement[] statements)
    {
        var body = new { id = name, statement = statements.Select(s => new { effect = s.Effect, action = s.Actions, resource = s.Resource }) };
        using var update = await admin.PutAsJsonAsync($"api/v1/auth/policies/{Uri.EscapeDataString(name)}", body, Token);
        if (update.StatusCode != HttpStatusCode.NotFound)
        {
            await ExpectAsync(update, HttpStatusCode.OK);
            return;
        }

        await ExpectAsync(await admin.PostAsJsonAsync("api/v1/auth/policies", body, Token), HttpStatusCode.Created);
    }

    public async Task AttachToUserAsync(string username, string policy) =>
        await ExpectAsync(await admin.PutAsync($"api/v1/auth/users/{username}/policies/{Uri.EscapeDataString(policy)}", null, Token), HttpStatusCode.Created);

    public async Task AttachToGroupAsync(string group, string policy) =>
        await ExpectAsync(await admin.PutAsync($"api/v1/auth/groups/{group}/policies/{Uri.EscapeDataString(policy)}", null, Token), HttpStatusCode.Created);

    public void Dispose() => admin.Dispose();

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        }
    }
}

/// <summary>One statement for <see cref="AdminApi.PutPolicyAsync"/>.</summary>
public sealed record PolicyStatement(string Effect, string[] Actions, string Resource)
{
    public static PolicyStatement Allow(string resource, params string[] actions) => new("allow", actions, resource);

    public static PolicyStatement Deny(string resource, params string[] actions) => new("deny", actions, resource);
}
