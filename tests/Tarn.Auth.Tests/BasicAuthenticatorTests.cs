using Tarn.Auth.Authentication;

namespace Tarn.Auth.Tests;

public sealed class BasicAuthenticatorTests
{
    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task The_right_secret_authenticates_the_owner()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");

        var result = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token);

        Assert.Equal(AuthenticationStatus.Authenticated, result.Status);
        Assert.Equal("alice", result.User!.Username);
    }

    [Fact]
    public async Task A_wrong_secret_and_an_unknown_key_fail_alike()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");

        var wrong = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey + "x", cancellationToken: Token);
        var unknown = await context.Auth.Authenticator.AuthenticateBasicAsync("AKIAJUNKNOWNKEYIDQ", key.SecretAccessKey, cancellationToken: Token);
        var empty = await context.Auth.Authenticator.AuthenticateBasicAsync("", "", cancellationToken: Token);

        Assert.Equal(AuthenticationResult.Invalid, wrong);
        Assert.Equal(AuthenticationResult.Invalid, unknown);
        Assert.Equal(AuthenticationResult.Invalid, empty);
    }

    [Fact]
    public async Task Cached_lookups_follow_changes_at_once_here_and_within_the_ttl_elsewhere()
    {
        var context = new AuthTestContext();
        var other = context.Restart();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");
        Assert.Equal(AuthenticationStatus.Authenticated, (await other.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);

        // Deleted through this instance: refused at once, although the key was just cached.
        Assert.Equal(AuthenticationStatus.Authenticated, (await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);
        await context.Auth.Credentials.DeleteAsync("alice", key.AccessKeyId, Token);
        Assert.Equal(AuthenticationStatus.InvalidCredentials, (await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);

        // Another instance sharing the store keeps its cached lookup for at most the TTL.
        Assert.Equal(AuthenticationStatus.Authenticated, (await other.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);
        context.Time.Advance(context.Options.PolicyCacheTtl);
        Assert.Equal(AuthenticationStatus.InvalidCredentials, (await other.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);
    }

    [Fact]
    public async Task A_key_created_after_a_failed_lookup_works_at_once()
    {
        var context = new AuthTestContext();
        var key = new AccessKeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Assert.Equal(AuthenticationResult.Invalid, await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token));

        await context.CreateUserAsync("bob");
        await context.Auth.Credentials.CreateAsync("bob", key, Token);
        Assert.Equal(AuthenticationStatus.Authenticated, (await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Status);
    }

    [Fact]
    public async Task Keys_of_a_deleted_user_stop_working()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");

        await context.Auth.Users.DeleteAsync("alice", Token);
        await context.CreateUserAsync("alice");

        var result = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token);
        Assert.Equal(AuthenticationStatus.InvalidCredentials, result.Status);
    }

    [Fact]
    public async Task Repeated_failures_are_held_back_but_the_right_secret_is_answered_at_once()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");
        for (var i = 0; i < 5; i++)
        {
            await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, "guess", cancellationToken: Token);
        }

        var held = context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, "guess", cancellationToken: Token);
        Assert.False(held.IsCompleted);

        // The owner, at the same address, while a guess is being held: checked and answered at once.
        var owner = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token);
        Assert.Equal(AuthenticationStatus.Authenticated, owner.Status);

        context.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AuthenticationStatus.InvalidCredentials, (await held).Status);
    }

    [Fact]
    public async Task Guesses_sent_at_once_are_all_held_while_the_owner_passes_at_once()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");
        for (var i = 0; i < 5; i++)
        {
            await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, "guess", "10.0.0.66", Token);
        }

        var held = Enumerable.Range(0, 4)
            .Select(_ => context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, "guess", "10.0.0.66", Token))
            .ToList();
        var sameAddress = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, "10.0.0.66", Token);
        var elsewhere = await context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, "10.0.0.7", Token);

        Assert.Equal(AuthenticationStatus.Authenticated, sameAddress.Status);
        Assert.Equal(AuthenticationStatus.Authenticated, elsewhere.Status);
        Assert.All(held, h => Assert.False(h.IsCompleted));
        for (var i = 0; i < 30 && !held.All(h => h.IsCompleted); i++)
        {
            context.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(Task.WhenAll(held), Task.Delay(10, Token));
        }

        Assert.All(await Task.WhenAll(held), r => Assert.Equal(AuthenticationStatus.InvalidCredentials, r.Status));
    }

    [Fact]
    public async Task The_signing_lookup_returns_the_plaintext_secret_for_signature_protocols()
    {
        var context = new AuthTestContext();
        var (_, key) = await context.CreateUserWithKeyAsync("alice");

        var found = await context.Auth.Authenticator.FindSigningCredentialAsync(key.AccessKeyId, Token);
        var missing = await context.Auth.Authenticator.FindSigningCredentialAsync("AKIANOPE", Token);

        Assert.Equal(key.SecretAccessKey, found!.SecretAccessKey);
        Assert.Equal("alice", found.User.Username);
        Assert.DoesNotContain(key.SecretAccessKey, found.ToString(), StringComparison.Ordinal);
        Assert.Null(missing);
    }
}
