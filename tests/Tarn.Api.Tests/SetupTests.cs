using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>First-time setup over HTTP (docs/access-control.md, "Setup"), each test on a fresh server.</summary>
public sealed class SetupTests : IAsyncLifetime
{
    private TarnTestServer _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await TarnTestServer.StartAsync(cancellationToken: Token);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        TarnTestServer.DeleteData(_server.DataDirectory);
    }

    [Fact]
    public async Task A_fresh_server_is_not_initialized_and_asks_for_comm_prefs()
    {
        using var client = _server.CreateClient();
        var state = await ApiAssert.JsonAsync(await client.GetAsync("api/v1/setup_lakefs", Token));
        Assert.Equal("not_initialized", state.GetProperty("state").GetString());
        Assert.True(state.GetProperty("comm_prefs_missing").GetBoolean());
        var login = state.GetProperty("login_config");
        Assert.Equal("simplified", login.GetProperty("RBAC").GetString());
        Assert.Equal("internal_auth_session", login.GetProperty("login_cookie_names")[0].GetString());
    }

    [Fact]
    public async Task Setup_creates_an_admin_whose_keys_work_and_only_once()
    {
        using var client = _server.CreateClient();
        var created = await ApiAssert.JsonAsync(await client.PostAsJsonAsync("api/v1/setup_lakefs", new { username = "jane.doe" }, Token));
        var keyId = created.GetProperty("access_key_id").GetString()!;
        var secret = created.GetProperty("secret_access_key").GetString()!;
        Assert.Matches("^AKIAJ[A-Z2-7]{14}Q$", keyId);
        Assert.Equal(40, secret.Length);
        Assert.True(created.GetProperty("creation_date").GetInt64() > 1_700_000_000);

        var state = await ApiAssert.JsonAsync(await client.GetAsync("api/v1/setup_lakefs", Token));
        Assert.Equal("initialized", state.GetProperty("state").GetString());

        using var admin = _server.CreateClient(keyId, secret);
        var user = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/user", Token));
        Assert.Equal("jane.doe", user.GetProperty("user").GetProperty("id").GetString());

        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_lakefs", new { username = "someone.else" }, Token),
            HttpStatusCode.Conflict, "lakeFS already initialized");
    }

    [Fact]
    public async Task Setup_accepts_caller_supplied_keys()
    {
        using var client = _server.CreateClient();
        var key = new { access_key_id = "AKIAIOSFODNN7EXAMPLE", secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
        var created = await ApiAssert.JsonAsync(await client.PostAsJsonAsync("api/v1/setup_lakefs", new { username = "admin", key }, Token));
        Assert.Equal(key.access_key_id, created.GetProperty("access_key_id").GetString());
        using var admin = _server.CreateClient(key.access_key_id, key.secret_access_key);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("api/v1/user", Token)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_setup_calls_have_exactly_one_winner()
    {
        using var client = _server.CreateClient();
        var calls = Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync("api/v1/setup_lakefs", new { username = $"admin{i}" }, Token));
        var responses = await Task.WhenAll(calls);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData("{\"username\": \"\"}", "empty user display name")]
    [InlineData("{\"username\": \"a/b\"}", null)]
    [InlineData("{}", null)]
    [InlineData("{\"username\": 5}", null)]
    [InlineData("{bad json", null)]
    [InlineData("", null)]
    [InlineData("{\"username\": \"admin\", \"key\": {\"access_key_id\": \"AK\", \"secret_access_key\": \"s\"}}", "invalid access key ID")]
    [InlineData("{\"username\": \"admin\", \"key\": {\"access_key_id\": \"AKIAIOSFODNN7EXAMPLE\"}}", null)]
    public async Task Bad_setup_bodies_get_400_and_set_nothing_up(string body, string? message)
    {
        using var client = _server.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var error = await ApiAssert.ErrorAsync(await client.PostAsync("api/v1/setup_lakefs", content, Token), HttpStatusCode.BadRequest, message);
        Assert.NotEmpty(error);
        var state = await ApiAssert.JsonAsync(await client.GetAsync("api/v1/setup_lakefs", Token));
        Assert.Equal("not_initialized", state.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400()
    {
        using var client = _server.CreateClient();
        using var content = new StringContent("{\"username\": \"admin\"}", Encoding.UTF8, "text/plain");
        await ApiAssert.ErrorAsync(await client.PostAsync("api/v1/setup_lakefs", content, Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Comm_prefs_are_accepted_once_and_validated()
    {
        using var client = _server.CreateClient();
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { featureUpdates = true, securityUpdates = true }, Token),
            HttpStatusCode.BadRequest, "email is required");
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { email = "not an email", featureUpdates = true, securityUpdates = true }, Token),
            HttpStatusCode.BadRequest, "invalid email address");

        using var ok = await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { email = "jane@example.com", featureUpdates = true, securityUpdates = false }, Token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var state = await ApiAssert.JsonAsync(await client.GetAsync("api/v1/setup_lakefs", Token));
        Assert.False(state.GetProperty("comm_prefs_missing").GetBoolean());

        await _server.SetupAdminAsync(cancellationToken: Token);
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { email = "x@example.com", featureUpdates = false, securityUpdates = false }, Token),
            HttpStatusCode.Conflict);

        // The input is judged first, whatever the state: an initialized server still says what is wrong with it.
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { featureUpdates = true, securityUpdates = true }, Token),
            HttpStatusCode.BadRequest, "email is required");
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { }, Token),
            HttpStatusCode.BadRequest, "email is required");
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { email = "not an email", featureUpdates = true, securityUpdates = true }, Token),
            HttpStatusCode.BadRequest, "invalid email address");
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/setup_comm_prefs", new { email = "x@example.com" }, Token),
            HttpStatusCode.BadRequest, "invalid request body: featureUpdates and securityUpdates are required");
    }
}
