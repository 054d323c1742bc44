using Tarn.Auth.Storage;

namespace Tarn.Auth.Management;

/// <summary>
/// Group ACLs of simplified mode: an ACL is the single policy <c>ACL(_-_)&lt;group&gt;</c> attached to the
/// group, whose statements are generated from the level and which records the level as its marker.
/// </summary>
public sealed class GroupAclService
{
    private readonly AuthStore _store;
    private readonly GroupService _groups;
    private readonly PolicyService _policies;

    internal GroupAclService(AuthStore store, GroupService groups, PolicyService policies)
    {
        _store = store;
        _groups = groups;
        _policies = policies;
    }

    /// <summary>
    /// The group's ACL level: <c>""</c> when no policy is attached, the marker when exactly one ACL policy
    /// is. 404 <c>group not found</c>; <see cref="NoAclException"/> when the attached policies are not an ACL.
    /// </summary>
    public async Task<string> GetAsync(string group, CancellationToken cancellationToken = default)
    {
        await _groups.RequireGroupAsync(group, cancellationToken);
        var attached = await _policies.ListGroupPoliciesAsync(group, new PageRequest(Amount: 2), cancellationToken);
        return attached.Items.Count switch
        {
            0 => "",
            1 when !string.IsNullOrEmpty(attached.Items[0].AclPermission) => attached.Items[0].AclPermission!,
            1 => throw new NoAclException("Policy attached to group has no ACL"),
            _ => throw new NoAclException("Multiple policies attached to group - no ACL"),
        };
    }

    /// <summary>
    /// Sets the group's ACL: writes <c>ACL(_-_)&lt;group&gt;</c> for the level, attaches it, and detaches every
    /// other policy from the group. 400 <c>Bad ACL permission</c>; 404 <c>group not found</c> (checked before
    /// anything is written, unlike lakeFS, so an unknown group leaves no orphan policy).
    /// </summary>
    public async Task SetAsync(string group, string permission, CancellationToken cancellationToken = default)
    {
        AclPermissions.Validate(permission);
        await _groups.RequireGroupAsync(group, cancellationToken);
        await ApplyAsync(group, permission, _store.Now(), cancellationToken);
    }

    /// <summary>The write half of <see cref="SetAsync"/>, shared with setup (which dates policies at setup time).</summary>
    internal async Task ApplyAsync(string group, string permission, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var policyName = AclPermissions.PolicyName(group);
        await _policies.PutAsync(policyName, BasePolicies.ForAcl(permission), permission, createdAt, cancellationToken);
        await _policies.TryAttachToGroupAsync(group, policyName, cancellationToken);
        foreach (var (other, _) in await _store.CollectAsync(AuthKeys.GroupPolicies(group), cancellationToken))
        {
            if (other != policyName)
            {
                await _store.DeleteAsync(AuthKeys.GroupPolicy(group, other), cancellationToken);
            }
        }

        _store.MarkChanged();
    }
}
