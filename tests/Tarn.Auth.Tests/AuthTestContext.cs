using Microsoft.Extensions.Time.Testing;
using Tarn.Kv;

namespace Tarn.Auth.Tests;

/// <summary>An auth domain over an in-memory store and a fake clock, with helpers for common arrangements.</summary>
internal sealed class AuthTestContext
{
    public const string MasterSecret = "test-master-secret-that-is-long-enough";

    public AuthTestContext(AuthOptions? options = null, IKvStore? kv = null, FakeTimeProvider? time = null)
    {
        Kv = kv ?? new MemoryKvStore();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        Options = options ?? new AuthOptions { SecretKey = MasterSecret };
        Auth = new AuthService(Kv, Options, Time);
    }

    public IKvStore Kv { get; }

    public FakeTimeProvider Time { get; }

    public AuthOptions Options { get; }

    public AuthService Auth { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Another service instance over the same store and clock, as after a restart.</summary>
    public AuthTestContext Restart(IKvStore? kv = null) => new(Options, kv ?? Kv, Time);

    public async Task<User> CreateUserAsync(string name) => await Auth.Users.CreateAsync(new NewUser(name), Token);

    public async Task<(User User, NewCredential Key)> CreateUserWithKeyAsync(string name)
    {
        var user = await CreateUserAsync(name);
        return (user, await Auth.Credentials.CreateAsync(name, cancellationToken: Token));
    }

    /// <summary>A user in a new group whose ACL is <paramref name="permission"/>.</summary>
    public async Task<User> CreateUserWithAclAsync(string name, string permission)
    {
        var user = await CreateUserAsync(name);
        var group = name + "-group";
        await Auth.Groups.CreateAsync(group, Token);
        await Auth.Acls.SetAsync(group, permission, Token);
        await Auth.Groups.AddMemberAsync(group, name, Token);
        return user;
    }
}
