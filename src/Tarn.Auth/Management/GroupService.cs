using Tarn.Auth.Storage;
using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>Groups and their members.</summary>
public sealed class GroupService
{
    private readonly AuthStore _store;

    internal GroupService(AuthStore store) => _store = store;

    /// <summary>Creates a group; 409 <c>Already exists</c> when the name is taken.</summary>
    public async Task<Group> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        NameRules.ValidateGroupName(name);
        var record = new GroupRecord(name, AuthStore.NewUid(), _store.Now());
        if (!await _store.CreateAsync(AuthKeys.Group(name), record, AuthStore.Json.GroupRecord, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }

        _store.MarkChanged();
        return record.ToGroup();
    }

    /// <summary>Creates the group unless it exists (setup's base groups; repeating setup must not fail here).</summary>
    internal async Task EnsureAsync(string name, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (await _store.CreateAsync(AuthKeys.Group(name), new GroupRecord(name, AuthStore.NewUid(), createdAt), AuthStore.Json.GroupRecord, cancellationToken))
        {
            _store.MarkChanged();
        }
    }

    /// <summary>The group; 404 <c>group not found</c>.</summary>
    public async Task<Group> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await RequireGroupAsync(name, cancellationToken)).Value.ToGroup();

    public async Task<Page<Group>> ListAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        await _store.PageAsync(
            AuthKeys.GroupsPrefix,
            request,
            (_, raw, _) => ValueTask.FromResult<Group?>(AuthStore.Decode(raw, AuthStore.Json.GroupRecord).ToGroup()),
            cancellationToken);

    /// <summary>Deletes the group, its memberships and its policy attachments (not the policies). 404 <c>group not found</c>.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await RequireGroupAsync(name, cancellationToken);
        foreach (var (username, _) in await _store.CollectAsync(AuthKeys.GroupMembers(name), cancellationToken))
        {
            await _store.DeleteAsync(AuthKeys.UserGroup(username, name), cancellationToken);
            await _store.DeleteAsync(AuthKeys.GroupMember(name, username), cancellationToken);
        }

        foreach (var (policy, _) in await _store.CollectAsync(AuthKeys.GroupPolicies(name), cancellationToken))
        {
            await _store.DeleteAsync(AuthKeys.GroupPolicy(name, policy), cancellationToken);
        }

        await _store.DeleteAsync(AuthKeys.Group(name), cancellationToken);
        _store.MarkChanged();
    }

    /// <summary>Adds the user to the group. 404 <c>&lt;name&gt;: not found</c>; 409 when already a member.</summary>
    public async Task AddMemberAsync(string group, string username, CancellationToken cancellationToken = default)
    {
        if (!await TryAddMemberAsync(group, username, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }
    }

    /// <summary>Adds the user to the group; false (no error) when it already was a member.</summary>
    internal async Task<bool> TryAddMemberAsync(string group, string username, CancellationToken cancellationToken)
    {
        var user = await _store.GetUserAsync(username, cancellationToken) ?? throw TarnException.NotFound($"{username}: not found");
        var groupRecord = await _store.GetGroupAsync(group, cancellationToken) ?? throw TarnException.NotFound($"{group}: not found");
        var membership = new MembershipRecord(user.Value.Uid, groupRecord.Value.Uid);

        // Listing side first, rights side last: an interrupted add leaves a listed member without rights
        // (repaired by repeating the add), never rights that no listing shows.
        var listingKey = AuthKeys.GroupMember(group, username);
        if (!await _store.CreateAsync(listingKey, membership, AuthStore.Json.MembershipRecord, cancellationToken))
        {
            var existing = await _store.GetAsync(listingKey, AuthStore.Json.MembershipRecord, cancellationToken);
            var rights = await _store.GetAsync(AuthKeys.UserGroup(username, group), AuthStore.Json.MembershipRecord, cancellationToken);
            if (existing?.Value == membership && rights?.Value == membership)
            {
                return false;
            }

            await _store.SetAsync(listingKey, membership, AuthStore.Json.MembershipRecord, cancellationToken);
        }

        await _store.SetAsync(AuthKeys.UserGroup(username, group), membership, AuthStore.Json.MembershipRecord, cancellationToken);
        _store.MarkChanged();
        return true;
    }

    /// <summary>Removes the user from the group. 404 when the user is not a member.</summary>
    public async Task RemoveMemberAsync(string group, string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(username);
        if (group.Length == 0 || username.Length == 0
            || await _store.GetAsync(AuthKeys.GroupMember(group, username), AuthStore.Json.MembershipRecord, cancellationToken) is null)
        {
            throw TarnException.NotFound($"{username}: not found");
        }

        await _store.DeleteAsync(AuthKeys.UserGroup(username, group), cancellationToken);
        await _store.DeleteAsync(AuthKeys.GroupMember(group, username), cancellationToken);
        _store.MarkChanged();
    }

    /// <summary>The group's members. 404 <c>group not found</c>.</summary>
    public async Task<Page<User>> ListMembersAsync(string group, PageRequest request, CancellationToken cancellationToken = default)
    {
        var groupRecord = (await RequireGroupAsync(group, cancellationToken)).Value;
        return await _store.PageAsync(
            AuthKeys.GroupMembers(group),
            request,
            async (username, raw, ct) =>
            {
                var membership = AuthStore.Decode(raw, AuthStore.Json.MembershipRecord);
                var user = await _store.GetUserAsync(username, ct);
                return user?.Value.Uid == membership.UserUid && membership.GroupUid == groupRecord.Uid ? user.Value.Value.ToUser() : null;
            },
            cancellationToken);
    }

    /// <summary>The groups the user belongs to. 404 <c>user not found</c>.</summary>
    public async Task<Page<Group>> ListUserGroupsAsync(string username, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var user = (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken)) ?? throw UserService.UserNotFound();
        return await _store.PageAsync(
            AuthKeys.UserGroups(username),
            request,
            async (group, raw, ct) => (await CurrentGroupOfAsync(user.Value, group, raw, ct))?.ToGroup(),
            cancellationToken);
    }

    /// <summary>Every group the user currently belongs to (stale memberships skipped).</summary>
    internal async Task<List<GroupRecord>> GroupsOfAsync(UserRecord user, CancellationToken cancellationToken)
    {
        var groups = new List<GroupRecord>();
        await foreach (var (group, raw) in _store.ScanAsync(AuthKeys.UserGroups(user.Username), "", cancellationToken))
        {
            if (await CurrentGroupOfAsync(user, group, raw, cancellationToken) is { } record)
            {
                groups.Add(record);
            }
        }

        return groups;
    }

    internal async Task<Stored<GroupRecord>> RequireGroupAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return (name.Length == 0 ? null : await _store.GetGroupAsync(name, cancellationToken)) ?? throw GroupNotFound();
    }

    internal static TarnException GroupNotFound() => TarnException.NotFound("group not found");

    private async ValueTask<GroupRecord?> CurrentGroupOfAsync(UserRecord user, string group, byte[] raw, CancellationToken cancellationToken)
    {
        var membership = AuthStore.Decode(raw, AuthStore.Json.MembershipRecord);
        if (membership.UserUid != user.Uid)
        {
            return null;
        }

        var record = await _store.GetGroupAsync(group, cancellationToken);
        return record?.Value.Uid == membership.GroupUid ? record.Value.Value : null;
    }
}
