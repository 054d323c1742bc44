using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class GroupServiceTests
{
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task Groups_can_be_created_read_listed_and_deleted()
    {
        var created = await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Groups.CreateAsync("crew", Token);

        Assert.Equal(created, await _context.Auth.Groups.GetAsync("team", Token));
        Assert.Equal(["crew", "team"], (await _context.Auth.Groups.ListAsync(PageRequest.First, Token)).Items.Select(g => g.Name));

        await _context.Auth.Groups.DeleteAsync("team", Token);
        var error = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.GetAsync("team", Token));
        Assert.Equal((ErrorKind.NotFound, "group not found"), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Duplicate_and_badly_named_groups_are_refused()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);

        var duplicate = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.CreateAsync("team", Token));
        var percent = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.CreateAsync("a%b", Token));
        var slash = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.CreateAsync("a/b", Token));

        Assert.Equal(ErrorKind.AlreadyExists, duplicate.Kind);
        Assert.Equal("Group name cannot contain '%'", percent.Message);
        Assert.EndsWith("validation error", slash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_are_listed_from_both_sides()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Groups.CreateAsync("crew", Token);
        await _context.CreateUserAsync("alice");
        await _context.CreateUserAsync("bob");

        await _context.Auth.Groups.AddMemberAsync("team", "alice", Token);
        await _context.Auth.Groups.AddMemberAsync("team", "bob", Token);
        await _context.Auth.Groups.AddMemberAsync("crew", "alice", Token);

        Assert.Equal(["alice", "bob"], (await _context.Auth.Groups.ListMembersAsync("team", PageRequest.First, Token)).Items.Select(u => u.Username));
        Assert.Equal(["crew", "team"], (await _context.Auth.Groups.ListUserGroupsAsync("alice", PageRequest.First, Token)).Items.Select(g => g.Name));
    }

    [Fact]
    public async Task Adding_twice_is_409_and_unknown_names_are_404()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.CreateUserAsync("alice");
        await _context.Auth.Groups.AddMemberAsync("team", "alice", Token);

        var twice = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.AddMemberAsync("team", "alice", Token));
        var noUser = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.AddMemberAsync("team", "ghost", Token));
        var noGroup = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.AddMemberAsync("nope", "alice", Token));
        var userGroups = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.ListUserGroupsAsync("ghost", PageRequest.First, Token));

        Assert.Equal(ErrorKind.AlreadyExists, twice.Kind);
        Assert.Equal((ErrorKind.NotFound, "ghost: not found"), (noUser.Kind, noUser.Message));
        Assert.Equal((ErrorKind.NotFound, "nope: not found"), (noGroup.Kind, noGroup.Message));
        Assert.Equal("user not found", userGroups.Message);
    }

    [Fact]
    public async Task Removing_a_member_takes_effect_and_a_second_removal_is_404()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.CreateUserAsync("alice");
        await _context.Auth.Groups.AddMemberAsync("team", "alice", Token);

        await _context.Auth.Groups.RemoveMemberAsync("team", "alice", Token);

        Assert.Empty((await _context.Auth.Groups.ListMembersAsync("team", PageRequest.First, Token)).Items);
        Assert.Empty((await _context.Auth.Groups.ListUserGroupsAsync("alice", PageRequest.First, Token)).Items);
        var again = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Groups.RemoveMemberAsync("team", "alice", Token));
        Assert.Equal(ErrorKind.NotFound, again.Kind);
    }

    [Fact]
    public async Task A_recreated_group_has_no_members_of_the_old_one()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.CreateUserAsync("alice");
        await _context.Auth.Groups.AddMemberAsync("team", "alice", Token);

        await _context.Auth.Groups.DeleteAsync("team", Token);
        await _context.Auth.Groups.CreateAsync("team", Token);

        Assert.Empty((await _context.Auth.Groups.ListMembersAsync("team", PageRequest.First, Token)).Items);
        Assert.Empty((await _context.Auth.Groups.ListUserGroupsAsync("alice", PageRequest.First, Token)).Items);
    }

    [Fact]
    public async Task A_half_written_membership_is_repaired_by_adding_again()
    {
        var faulty = new FaultyKvStore(new Tarn.Kv.MemoryKvStore());
        var context = new AuthTestContext(kv: faulty);
        await context.Auth.Groups.CreateAsync("team", Token);
        await context.CreateUserAsync("alice");
        faulty.FailWrite = key => key.StartsWith("user_groups/", StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => context.Auth.Groups.AddMemberAsync("team", "alice", Token));
        Assert.Empty((await context.Auth.Groups.ListUserGroupsAsync("alice", PageRequest.First, Token)).Items);

        faulty.FailWrite = _ => false;
        await context.Auth.Groups.AddMemberAsync("team", "alice", Token);

        Assert.Equal(["team"], (await context.Auth.Groups.ListUserGroupsAsync("alice", PageRequest.First, Token)).Items.Select(g => g.Name));
    }
}
