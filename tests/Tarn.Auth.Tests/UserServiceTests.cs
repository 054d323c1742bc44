using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class UserServiceTests
{
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task A_created_user_can_be_read_back()
    {
        var created = await _context.Auth.Users.CreateAsync(new NewUser("alice", FriendlyName: "Alice", Email: "alice@example.com"), Token);

        var read = await _context.Auth.Users.GetAsync("alice", Token);

        Assert.Equal(created, read);
        Assert.Equal(_context.Time.GetUtcNow(), read.CreatedAt);
        Assert.Equal(User.InternalSource, read.Source);
    }

    [Fact]
    public async Task A_taken_name_is_409_already_exists()
    {
        await _context.CreateUserAsync("alice");

        var error = await Assert.ThrowsAsync<TarnException>(() => _context.CreateUserAsync("alice"));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("Already exists", error.Message);
    }

    [Fact]
    public async Task A_missing_user_is_404_user_not_found()
    {
        var get = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Users.GetAsync("ghost", Token));
        var delete = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Users.DeleteAsync("ghost", Token));

        Assert.Equal((ErrorKind.NotFound, "user not found"), (get.Kind, get.Message));
        Assert.Equal((ErrorKind.NotFound, "user not found"), (delete.Kind, delete.Message));
    }

    [Theory]
    [InlineData("", "invalid user name: validation error")]
    [InlineData("a/b", "invalid user name: validation error")]
    [InlineData("50%", "User name cannot contain '%'")]
    [InlineData("a*", "User name cannot contain '*'")]
    [InlineData("who?", "User name cannot contain '?'")]
    [InlineData("tab\there", "User name cannot contain control characters")]
    public async Task Bad_names_are_refused(string name, string message)
    {
        var error = await Assert.ThrowsAsync<TarnException>(() => _context.CreateUserAsync(name));

        Assert.Equal((ErrorKind.InvalidArgument, message), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Deleting_a_user_removes_its_credentials_memberships_and_attachments()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Groups.AddMemberAsync("team", "alice", Token);
        await _context.Auth.Policies.CreateAsync("p", [Statement.Allowing("*", "fs:*")], cancellationToken: Token);
        await _context.Auth.Policies.AttachToUserAsync("alice", "p", Token);

        await _context.Auth.Users.DeleteAsync("alice", Token);

        Assert.Null(await _context.Auth.Users.FindAsync("alice", Token));
        Assert.Empty((await _context.Auth.Groups.ListMembersAsync("team", PageRequest.First, Token)).Items);
        var leftovers = new List<string>();
        await foreach (var entry in _context.Kv.ScanAsync("auth", "c"u8.ToArray(), Token))
        {
            leftovers.Add(System.Text.Encoding.UTF8.GetString(entry.Key));
        }

        Assert.DoesNotContain(leftovers, k => k.Contains(key.AccessKeyId, StringComparison.Ordinal) || k.Contains("alice/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recreated_user_inherits_nothing_from_its_predecessor()
    {
        var (_, key) = await _context.CreateUserWithKeyAsync("alice");
        await _context.Auth.Users.DeleteAsync("alice", Token);

        await _context.CreateUserAsync("alice");

        Assert.Empty((await _context.Auth.Credentials.ListAsync("alice", PageRequest.First, Token)).Items);
        var reused = await _context.Auth.Credentials.CreateAsync("alice", new AccessKeyPair(key.AccessKeyId, "new-secret"), Token);
        Assert.Equal(key.AccessKeyId, reused.AccessKeyId);
    }

    [Fact]
    public async Task Listing_pages_by_prefix_after_and_amount()
    {
        foreach (var name in new[] { "carol", "alice", "bob", "alex", "dave" })
        {
            await _context.CreateUserAsync(name);
        }

        var first = await _context.Auth.Users.ListAsync(new PageRequest(Amount: 2), Token);
        var second = await _context.Auth.Users.ListAsync(new PageRequest(After: first.NextOffset, Amount: 2), Token);
        var third = await _context.Auth.Users.ListAsync(new PageRequest(After: second.NextOffset, Amount: 2), Token);
        var prefixed = await _context.Auth.Users.ListAsync(new PageRequest(Prefix: "al"), Token);
        var prefixAfter = await _context.Auth.Users.ListAsync(new PageRequest(Prefix: "al", After: "alex"), Token);
        var exact = await _context.Auth.Users.ListAsync(new PageRequest(Amount: 5), Token);

        Assert.Equal(["alex", "alice"], first.Items.Select(u => u.Username));
        Assert.Equal((true, "alice"), (first.HasMore, first.NextOffset));
        Assert.Equal(["bob", "carol"], second.Items.Select(u => u.Username));
        Assert.Equal(["dave"], third.Items.Select(u => u.Username));
        Assert.Equal((false, ""), (third.HasMore, third.NextOffset));
        Assert.Equal(["alex", "alice"], prefixed.Items.Select(u => u.Username));
        Assert.Equal(["alice"], prefixAfter.Items.Select(u => u.Username));
        Assert.True(exact.HasMore);
        Assert.Empty((await _context.Auth.Users.ListAsync(new PageRequest(After: exact.NextOffset), Token)).Items);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-5, 100)]
    [InlineData(5000, 1000)]
    [InlineData(7, 7)]
    public void Page_sizes_are_normalized(int requested, int effective) =>
        Assert.Equal(effective, new PageRequest(Amount: requested).EffectiveAmount);
}
