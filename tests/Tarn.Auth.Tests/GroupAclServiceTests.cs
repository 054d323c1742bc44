using Tarn.Auth.Management;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class GroupAclServiceTests
{
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task A_group_without_policies_has_an_empty_acl()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);

        Assert.Equal("", await _context.Auth.Acls.GetAsync("team", Token));
    }

    [Fact]
    public async Task Setting_an_acl_writes_the_acl_policy_and_reads_back_its_level()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);

        await _context.Auth.Acls.SetAsync("team", "Write", Token);

        Assert.Equal("Write", await _context.Auth.Acls.GetAsync("team", Token));
        var policy = await _context.Auth.Policies.GetAsync("ACL(_-_)team", Token);
        Assert.Equal("Write", policy.AclPermission);
        Assert.Equal(BasePolicies.ForAcl("Write").Count, policy.Statements.Count);
    }

    [Fact]
    public async Task Setting_an_acl_replaces_the_previous_level_and_detaches_other_policies()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Policies.CreateAsync("extra", [Statement.Allowing("*", "auth:*")], cancellationToken: Token);
        await _context.Auth.Policies.AttachToGroupAsync("team", "extra", Token);
        await _context.Auth.Acls.SetAsync("team", "Admin", Token);

        await _context.Auth.Acls.SetAsync("team", "Read", Token);

        Assert.Equal("Read", await _context.Auth.Acls.GetAsync("team", Token));
        Assert.Equal(["ACL(_-_)team"], (await _context.Auth.Policies.ListGroupPoliciesAsync("team", PageRequest.First, Token)).Items.Select(p => p.Name));
    }

    [Fact]
    public async Task A_single_policy_without_marker_or_several_policies_are_no_acl()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Policies.CreateAsync("plain", [Statement.Allowing("*", "fs:*")], cancellationToken: Token);
        await _context.Auth.Policies.AttachToGroupAsync("team", "plain", Token);

        var single = await Assert.ThrowsAsync<NoAclException>(() => _context.Auth.Acls.GetAsync("team", Token));
        await _context.Auth.Policies.CreateAsync("other", [Statement.Allowing("*", "fs:*")], cancellationToken: Token);
        await _context.Auth.Policies.AttachToGroupAsync("team", "other", Token);
        var several = await Assert.ThrowsAsync<NoAclException>(() => _context.Auth.Acls.GetAsync("team", Token));

        Assert.Equal((ErrorKind.NotFound, "Policy attached to group has no ACL"), (single.Kind, single.Message));
        Assert.Equal("Multiple policies attached to group - no ACL", several.Message);
    }

    [Fact]
    public async Task Bad_levels_are_400_and_unknown_groups_404_without_orphan_policies()
    {
        await _context.Auth.Groups.CreateAsync("team", Token);

        var bad = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Acls.SetAsync("team", "write", Token));
        var unknown = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Acls.SetAsync("ghost", "Read", Token));
        var unknownGet = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Acls.GetAsync("ghost", Token));

        Assert.Equal(ErrorKind.InvalidArgument, bad.Kind);
        Assert.Contains("Bad ACL permission", bad.Message, StringComparison.Ordinal);
        Assert.Equal((ErrorKind.NotFound, "group not found"), (unknown.Kind, unknown.Message));
        Assert.Equal("group not found", unknownGet.Message);
        Assert.Empty((await _context.Auth.Policies.ListAsync(PageRequest.First, Token)).Items);
    }
}
