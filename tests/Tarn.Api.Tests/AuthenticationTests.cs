using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Tarn.Api.Tests;

/// <summary>
/// Basic, bearer and cookie authentication, login and logout (docs/access-control.md, "Authenticating API requests" and
/// "Login tokens and the session cookie").
/// </summary>
public sealed class AuthenticationTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private const string Failure = "error authenticating request";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Basic_credentials_authenticate_and_wrong_ones_get_401()
    {
        using var admin = fixture.Admin();
        var user = await ApiAssert.JsonAsync(await admin.GetAsync("api/v1/user", Token));
        Assert.Equal("admin", user.GetProperty("user").GetProperty("id").GetString());

        using var wrongSecret = fixture.Server.CreateClient(fixture.AccessKeyId, "wrong-secret");
        await ApiAssert.ErrorAsync(await wrongSecret.GetAsync("api/v1/user", Token), HttpStatusCode.Unauthorized, Failure);
        using var unknownKey = fixture.Server.CreateClient("AKIAJUNKNOWNUNKNOWNQ", fixture.SecretAccessKey);
        await ApiAssert.ErrorAsync(await unknownKey.GetAsync("api/v1/user", Token), HttpStatusCode.Unauthorized, Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Basic bm8tY29sb24=")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer")]
    [InlineData("Digest abc")]
    public async Task Missing_or_malformed_credentials_get_401(string? authorization)
    {
        using var client = fixture.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        await ApiAssert.ErrorAsync(await client.SendAsync(request, Token), HttpStatusCode.Unauthorized, Failure);
    }

    [Fact]
    public async Task Login_returns_a_token_usable_as_bearer_and_as_session_cookie()
    {
        using var client = fixture.Server.CreateClient();
        using var response = await client.PostAsJsonAsync("api/v1/auth/login",
            new { access_key_id = fixture.AccessKeyId, secret_access_key = fixture.SecretAccessKey }, Token);
        var body = await ApiAssert.JsonAsync(response);
        var token = body.GetProperty("token").GetString()!;
        var expiration = DateTimeOffset.FromUnixTimeSeconds(body.GetProperty("token_expiration").GetInt64());
        Assert.InRange(expiration - DateTimeOffset.UtcNow, TimeSpan.FromHours(167), TimeSpan.FromHours(169));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"internal_auth_session={token};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer, Token)).StatusCode);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        withCookie.Headers.Add("Cookie", $"internal_auth_session={token}");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withCookie, Token)).StatusCode);
    }

    [Fact]
    public async Task Logout_clears_the_cookie_redirects_and_revokes_the_token()
    {
        using var client = fixture.Server.CreateClient();
        var login = await ApiAssert.JsonAsync(await client.PostAsJsonAsync("api/v1/auth/login",
            new { access_key_id = fixture.AccessKeyId, secret_access_key = fixture.SecretAccessKey }, Token));
        var token = login.GetProperty("token").GetString()!;

        using var logout = new HttpRequestMessage(HttpMethod.Get, "logout");
        logout.Headers.Add("Cookie", $"internal_auth_session={token}");
        using var answer = await client.SendAsync(logout, Token);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
        Assert.Equal("/auth/login", answer.Headers.Location?.OriginalString);
        Assert.StartsWith("internal_auth_session=;", Assert.Single(answer.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);

        using var reuse = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        reuse.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await ApiAssert.ErrorAsync(await client.SendAsync(reuse, Token), HttpStatusCode.Unauthorized, Failure);
    }

    [Fact]
    public async Task Login_with_wrong_credentials_gets_401_with_an_error_body()
    {
        using var client = fixture.Server.CreateClient();
        await ApiAssert.ErrorAsync(
            await client.PostAsJsonAsync("api/v1/auth/login", new { access_key_id = fixture.AccessKeyId, secret_access_key = "nope" }, Token),
            HttpStatusCode.Unauthorized, Failure);
    }

    [Fact]
    public async Task Guessing_a_secret_is_slowed_down_but_never_locks_the_owner_out()
    {
        // A user of its own, so throttling its key does not disturb the other tests of the class.
        using var admin = new AdminApi(fixture.Server, fixture.Admin());
        var (keyId, secret) = await admin.NewUserAsync("guessed-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = fixture.Server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await ApiAssert.ErrorAsync(await LoginAsync(client, keyId, "guess" + i), HttpStatusCode.Unauthorized);
        }

        // Further wrong guesses are held back (1 s, 2 s, ...), several at once included...
        var started = System.Diagnostics.Stopwatch.StartNew();
        var held = Enumerable.Range(0, 3).Select(i => LoginAsync(client, keyId, "guess-held" + i)).ToList();

        // ...while the owner's right secret, from the same address and during the guessing, works.
        using var login = await LoginAsync(client, keyId, secret);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var basic = fixture.Server.CreateClient(keyId, secret);
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("api/v1/user", Token)).StatusCode);

        foreach (var answer in await Task.WhenAll(held))
        {
            await ApiAssert.ErrorAsync(answer, HttpStatusCode.Unauthorized);
        }

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"the held guesses were answered after {started.Elapsed}");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string keyId, string secret) =>
        client.PostAsJsonAsync("api/v1/auth/login", new { access_key_id = keyId, secret_access_key = secret }, Token);

    [Fact]
    public async Task Public_operations_ignore_credentials_entirely()
    {
        using var client = fixture.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/healthcheck");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bad:bad")));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request, Token)).StatusCode);
    }
}
