using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class PolicyServiceTests
{
    private static readonly Statement[] ReadAll = [Statement.Allowing("*", "fs:Read*")];
    private readonly AuthTestContext _context = new();

    private static CancellationToken Token => AuthTestContext.Token;

    [Fact]
    public async Task Policies_can_be_created_read_updated_listed_and_deleted()
    {
        var created = await _context.Auth.Policies.CreateAsync("readers", ReadAll, cancellationToken: Token);
        _context.Time.Advance(TimeSpan.FromMinutes(1));

        var updated = await _context.Auth.Policies.UpdateAsync("readers", [Statement.Denying("arn:lakefs:fs:::repository/x", "fs:*")], cancellationToken: Token);

        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal("deny", (await _context.Auth.Policies.GetAsync("readers", Token)).Statements[0].Effect);
        Assert.Equal(["readers"], (await _context.Auth.Policies.ListAsync(PageRequest.First, Token)).Items.Select(p => p.Name));
        await _context.Auth.Policies.DeleteAsync("readers", Token);
        var gone = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.GetAsync("readers", Token));
        Assert.Equal((ErrorKind.NotFound, "policy not found"), (gone.Kind, gone.Message));
    }

    [Theory]
    [InlineData("Allow", "fs:Read", "*", "validation error")]
    [InlineData("allow", "*", "*", "*: invalid action")]
    [InlineData("allow", "fs:a:b", "*", "fs:a:b: invalid action")]
    [InlineData("allow", "s3:GetObject", "*", "s3:GetObject: invalid service name")]
    [InlineData("allow", "fs:Read", "arn:lakefs:fs::repository/x", "validation error")]
    [InlineData("allow", "fs:Read", "repository/x", "validation error")]
    public async Task Invalid_statements_are_refused(string effect, string action, string resource, string message)
    {
        var error = await Assert.ThrowsAsync<TarnException>(
            () => _context.Auth.Policies.CreateAsync("p", [new Statement(effect, [action], resource)], cancellationToken: Token));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty((await _context.Auth.Policies.ListAsync(PageRequest.First, Token)).Items);
    }

    [Fact]
    public async Task Empty_statement_and_action_lists_are_refused_but_an_empty_action_name_is_allowed()
    {
        await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.CreateAsync("p", [], cancellationToken: Token));
        await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.CreateAsync("p", [new Statement("allow", [], "*")], cancellationToken: Token));

        await _context.Auth.Policies.CreateAsync("p", [new Statement("allow", ["fs:"], "*")], cancellationToken: Token);
    }

    [Fact]
    public async Task Attachments_to_users_and_groups_are_listed_and_detached()
    {
        await _context.CreateUserAsync("alice");
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Policies.CreateAsync("p1", ReadAll, cancellationToken: Token);
        await _context.Auth.Policies.CreateAsync("p2", ReadAll, cancellationToken: Token);

        await _context.Auth.Policies.AttachToUserAsync("alice", "p1", Token);
        await _context.Auth.Policies.AttachToGroupAsync("team", "p2", Token);
        var twice = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.AttachToUserAsync("alice", "p1", Token));
        var missing = await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.AttachToUserAsync("alice", "nope", Token));

        Assert.Equal(ErrorKind.AlreadyExists, twice.Kind);
        Assert.Equal("policy not found", missing.Message);
        Assert.Equal(["p1"], (await _context.Auth.Policies.ListUserPoliciesAsync("alice", PageRequest.First, cancellationToken: Token)).Items.Select(p => p.Name));
        Assert.Equal(["p2"], (await _context.Auth.Policies.ListGroupPoliciesAsync("team", PageRequest.First, Token)).Items.Select(p => p.Name));

        await _context.Auth.Policies.DetachFromUserAsync("alice", "p1", Token);
        await _context.Auth.Policies.DetachFromGroupAsync("team", "p2", Token);
        Assert.Empty((await _context.Auth.Policies.ListUserPoliciesAsync("alice", PageRequest.First, cancellationToken: Token)).Items);
        await Assert.ThrowsAsync<TarnException>(() => _context.Auth.Policies.DetachFromGroupAsync("team", "p2", Token));
    }

    [Fact]
    public async Task Effective_policies_merge_direct_and_group_policies_without_duplicates()
    {
        await _context.CreateUserAsync("alice");
        foreach (var group in new[] { "g1", "g2" })
        {
            await _context.Auth.Groups.CreateAsync(group, Token);
            await _context.Auth.Groups.AddMemberAsync(group, "alice", Token);
        }

        foreach (var policy in new[] { "c", "a", "b" })
        {
            await _context.Auth.Policies.CreateAsync(policy, ReadAll, cancellationToken: Token);
        }

        await _context.Auth.Policies.AttachToUserAsync("alice", "c", Token);
        await _context.Auth.Policies.AttachToGroupAsync("g1", "a", Token);
        await _context.Auth.Policies.AttachToGroupAsync("g2", "a", Token);
        await _context.Auth.Policies.AttachToGroupAsync("g2", "b", Token);

        var all = await _context.Auth.Policies.ListUserPoliciesAsync("alice", PageRequest.First, effective: true, Token);
        var page = await _context.Auth.Policies.ListUserPoliciesAsync("alice", new PageRequest(Prefix: "zzz", After: "a", Amount: 1), effective: true, Token);

        Assert.Equal(["a", "b", "c"], all.Items.Select(p => p.Name));
        Assert.Equal(["b"], page.Items.Select(p => p.Name));
        Assert.Equal((true, "b"), (page.HasMore, page.NextOffset));
    }

    [Fact]
    public async Task Deleting_a_policy_detaches_it_everywhere()
    {
        await _context.CreateUserAsync("alice");
        await _context.Auth.Groups.CreateAsync("team", Token);
        await _context.Auth.Policies.CreateAsync("p", ReadAll, cancellationToken: Token);
        await _context.Auth.Policies.AttachToUserAsync("alice", "p", Token);
        await _context.Auth.Policies.AttachToGroupAsync("team", "p", Token);

        await _context.Auth.Policies.DeleteAsync("p", Token);
        await _context.Auth.Policies.CreateAsync("p", ReadAll, cancellationToken: Token);

        Assert.Empty((await _context.Auth.Policies.ListUserPoliciesAsync("alice", PageRequest.First, cancellationToken: Token)).Items);
        Assert.Empty((await _context.Auth.Policies.ListGroupPoliciesAsync("team", PageRequest.First, Token)).Items);
    }
}
