using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class TokenServiceTests
{
    private const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    private long Now => _context.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task An_issued_token_carries_lakefs_claims_and_authenticates_its_user()
    {
        await _context.CreateUserAsync("alice");

        var issued = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);
        var user = await _context.Auth.Tokens.ValidateTokenAsync(issued.Token, Token);

        Assert.Equal("alice", user!.Username);
        var parts = issued.Token.Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("alice", payload.RootElement.GetProperty("sub").GetString());
        Assert.Equal("login", payload.RootElement.GetProperty("aud").GetString());
        Assert.True(Guid.TryParse(payload.RootElement.GetProperty("jti").GetString(), out _));
        var iat = (long)Math.Floor(payload.RootElement.GetProperty("iat").GetDouble());
        Assert.Equal(iat + 168 * 3600, payload.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(iat + 168 * 3600), issued.ExpiresAt);
        Assert.DoesNotContain(issued.Token, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_for_unknown_users_cannot_be_issued()
    {
        var error = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Tokens.IssueTokenAsync("ghost", Token));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_token_expires_after_the_login_duration_plus_leeway()
    {
        var context = new AuthTestContext(new AuthOptions { SecretKey = AuthTestContext.MasterSecret, LoginDuration = TimeSpan.FromHours(1) });
        await context.CreateUserAsync("alice");
        var issued = await context.Auth.Tokens.IssueTokenAsync("alice", Token);

        context.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(59));
        Assert.NotNull(await context.Auth.Tokens.ValidateTokenAsync(issued.Token, Token));

        context.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Null(await context.Auth.Tokens.ValidateTokenAsync(issued.Token, Token));
    }

    [Fact]
    public async Task A_token_signed_by_another_party_with_the_same_secret_is_accepted()
    {
        await _context.CreateUserAsync("alice");
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        var token = JwtForge.Create(Hs256Header, JwtForge.Claims("alice", Now, Now + 3600));

        Assert.NotNull(await _context.Auth.Tokens.ValidateTokenAsync(token, Token));
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""", "none")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""", "HS512")]
    [InlineData("""{"alg":"hs256","typ":"JWT"}""", "HS256")]
    [InlineData("""{"typ":"JWT"}""", "HS256")]
    [InlineData("""{"alg":"HS256","crit":["exp"]}""", "HS256")]
    public async Task Only_hs256_is_accepted(string header, string algorithm)
    {
        await _context.CreateUserAsync("alice");
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        var token = JwtForge.Create(header, JwtForge.Claims("alice", Now, Now + 3600), algorithm);

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(token, Token));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        await _context.CreateUserAsync("alice");
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        var token = JwtForge.Create(Hs256Header, JwtForge.Claims("alice", Now, Now + 3600), secret: "another-secret");

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(token, Token));
    }

    [Theory]
    [InlineData("\"login\"", true)]
    [InlineData(null, true)]
    [InlineData("[\"other\",\"login\"]", true)]
    [InlineData("\"other\"", false)]
    [InlineData("[\"other\"]", false)]
    [InlineData("42", false)]
    public async Task The_audience_must_be_absent_or_login(string? audience, bool accepted)
    {
        await _context.CreateUserAsync("alice");
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        var token = JwtForge.Create(Hs256Header, JwtForge.Claims("alice", Now, Now + 3600, audience));

        Assert.Equal(accepted, await _context.Auth.Tokens.ValidateTokenAsync(token, Token) is not null);
    }

    [Fact]
    public async Task Expiry_is_required()
    {
        await _context.CreateUserAsync("alice");
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        var token = JwtForge.Create(Hs256Header, JwtForge.Claims("alice", Now, exp: null));

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(token, Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("..")]
    public async Task Garbage_is_refused_quietly(string token)
    {
        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(token, Token));
        await _context.Auth.Tokens.RevokeTokenAsync(token, Token);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        await _context.CreateUserAsync("alice");
        await _context.CreateUserAsync("mallory");
        var issued = await _context.Auth.Tokens.IssueTokenAsync("mallory", Token);
        var parts = issued.Token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("mallory", "alice", StringComparison.Ordinal);

        var forged = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(forged, Token));
    }

    [Fact]
    public async Task Logging_out_revokes_that_token_only()
    {
        await _context.CreateUserAsync("alice");
        var first = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);
        var second = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        await _context.Auth.Tokens.RevokeTokenAsync(first.Token, Token);

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(first.Token, Token));
        Assert.NotNull(await _context.Auth.Tokens.ValidateTokenAsync(second.Token, Token));
    }

    [Fact]
    public async Task Deleting_a_credential_revokes_the_users_tokens_but_not_later_ones()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");
        var before = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        await _context.Auth.Credentials.DeleteAsync("alice", key.AccessKeyId, Token);
        var after = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(before.Token, Token));
        Assert.NotNull(await _context.Auth.Tokens.ValidateTokenAsync(after.Token, Token));
    }

    [Fact]
    public async Task Revoking_all_tokens_spares_tokens_issued_afterwards_in_the_same_second()
    {
        await _context.CreateUserAsync("alice");
        var before = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        await _context.Auth.Tokens.RevokeAllTokensAsync("alice", Token);
        var after = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(before.Token, Token));
        Assert.NotNull(await _context.Auth.Tokens.ValidateTokenAsync(after.Token, Token));
    }

    [Fact]
    public async Task A_recreated_user_does_not_accept_tokens_of_its_predecessor()
    {
        await _context.CreateUserAsync("alice");
        var old = await _context.Auth.Tokens.IssueTokenAsync("alice", Token);

        await _context.Auth.Users.DeleteAsync("alice", Token);
        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(old.Token, Token));
        await _context.CreateUserAsync("alice");

        Assert.Null(await _context.Auth.Tokens.ValidateTokenAsync(old.Token, Token));
    }

    [Fact]
    public async Task The_denylist_forgets_tokens_once_they_have_expired()
    {
        var context = new AuthTestContext(new AuthOptions { SecretKey = AuthTestContext.MasterSecret, LoginDuration = TimeSpan.FromMinutes(5) });
        await context.CreateUserAsync("alice");
        for (var i = 0; i < 20; i++)
        {
            await context.Auth.Tokens.RevokeTokenAsync((await context.Auth.Tokens.IssueTokenAsync("alice", Token)).Token, Token);
        }

        context.Time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 16; i++)
        {
            await context.Auth.Tokens.RevokeTokenAsync((await context.Auth.Tokens.IssueTokenAsync("alice", Token)).Token, Token);
        }

        var remaining = 0;
        await foreach (var entry in context.Kv.ScanAsync("auth", "revoked_tokens/"u8.ToArray(), Token))
        {
            remaining += entry.Key.AsSpan().StartsWith("revoked_tokens/"u8) ? 1 : 0;
        }

        Assert.InRange(remaining, 16, 35);
    }
}
