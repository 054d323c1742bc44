using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class CredentialServiceTests
{
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task Reading_and_listing_never_show_the_secret()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");

        var read = await _context.Auth.Credentials.GetAsync("alice", key.AccessKeyId, Token);
        var listed = await _context.Auth.Credentials.ListAsync("alice", PageRequest.First, Token);

        Assert.Equal(new Credential(key.AccessKeyId, "alice", key.CreatedAt), read);
        Assert.Equal([read], listed.Items);
    }

    [Fact]
    public async Task Access_key_ids_are_globally_unique()
    {
        await _context.CreateUserAsync("alice");
        await _context.CreateUserAsync("bob");
        await _context.Auth.Credentials.CreateAsync("alice", new AccessKeyPair("AKIASHARED", "a"), Token);

        var error = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Credentials.CreateAsync("bob", new AccessKeyPair("AKIASHARED", "b"), Token));
        var again = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Credentials.CreateAsync("alice", new AccessKeyPair("AKIASHARED", "c"), Token));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(ErrorKind.AlreadyExists, again.Kind);
        Assert.Empty((await _context.Auth.Credentials.ListAsync("bob", PageRequest.First, Token)).Items);
        Assert.Single((await _context.Auth.Credentials.ListAsync("alice", PageRequest.First, Token)).Items);
        Assert.True((await _context.Auth.Authenticator.AuthenticateBasicAsync("AKIASHARED", "a", cancellationToken: Token)).Succeeded);
    }

    [Fact]
    public async Task Another_users_key_is_404_credentials_not_found_and_is_not_deleted()
    {
        var (_, aliceKey) = await _context.CreateUserWithKeyAsync("alice");
        await _context.CreateUserAsync("bob");

        var get = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Credentials.GetAsync("bob", aliceKey.AccessKeyId, Token));
        var delete = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Credentials.DeleteAsync("bob", aliceKey.AccessKeyId, Token));

        Assert.Equal((ErrorKind.NotFound, "credentials not found"), (get.Kind, get.Message));
        Assert.Equal((ErrorKind.NotFound, "credentials not found"), (delete.Kind, delete.Message));
        Assert.True((await _context.Auth.Authenticator.AuthenticateBasicAsync(aliceKey.AccessKeyId, aliceKey.SecretAccessKey, cancellationToken: Token)).Succeeded);
    }

    [Fact]
    public async Task A_deleted_key_stops_authenticating_and_disappears()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");

        await _context.Auth.Credentials.DeleteAsync("alice", key.AccessKeyId, Token);

        Assert.False((await _context.Auth.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Succeeded);
        Assert.Empty((await _context.Auth.Credentials.ListAsync("alice", PageRequest.First, Token)).Items);
    }

    [Fact]
    public async Task Credentials_of_a_missing_user_are_404_user_not_found()
    {
        var error = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Credentials.CreateAsync("ghost", cancellationToken: Token));

        Assert.Equal("user not found", error.Message);
    }

    [Fact]
    public async Task Secrets_are_stored_encrypted()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");

        await foreach (var entry in _context.Kv.ScanAsync("auth", "a"u8.ToArray(), Token))
        {
            Assert.DoesNotContain(key.SecretAccessKey, System.Text.Encoding.UTF8.GetString(entry.Value), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_a_master_secret_change_secrets_can_be_reencrypted()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");
        var rotated = new AuthService(_context.Kv, new AuthOptions { SecretKey = "the-new-master-secret" }, _context.Time);
        await Assert.ThrowsAsync<TarnException>(() => rotated.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token));

        var converted = await rotated.Credentials.ReencryptAllAsync(AuthTestContext.MasterSecret, Token);

        Assert.Equal(1, converted);
        Assert.True((await rotated.Authenticator.AuthenticateBasicAsync(key.AccessKeyId, key.SecretAccessKey, cancellationToken: Token)).Succeeded);
        Assert.Equal(0, await rotated.Credentials.ReencryptAllAsync(AuthTestContext.MasterSecret, Token));
    }
}
