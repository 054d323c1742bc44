using Tarn.Auth.Management;

namespace Tarn.Auth.Setup;

/// <summary>
/// Creates the built-in groups and policies of the active RBAC mode. Every step is idempotent (create if
/// missing, overwrite policy statements with the canonical ones, attach if not attached), so a setup that
/// died halfway can simply run it again.
/// </summary>
internal sealed class BaseGroupsInstaller(GroupService groups, PolicyService policies, GroupAclService acls)
{
    public async Task InstallAsync(RbacMode mode, DateTimeOffset setupTime, CancellationToken cancellationToken)
    {
        if (mode == RbacMode.Internal)
        {
            await InstallRbacAsync(setupTime, cancellationToken);
            return;
        }

        foreach (var (group, permission) in BasePolicies.AclGroups)
        {
            await groups.EnsureAsync(group, setupTime, cancellationToken);
            await acls.ApplyAsync(group, permission, setupTime, cancellationToken);
        }
    }

    private async Task InstallRbacAsync(DateTimeOffset setupTime, CancellationToken cancellationToken)
    {
        foreach (var (name, statements) in BasePolicies.RbacPolicies)
        {
            await policies.PutAsync(name, statements, aclPermission: null, setupTime, cancellationToken);
        }

        foreach (var (group, attached) in BasePolicies.RbacGroups)
        {
            await groups.EnsureAsync(group, setupTime, cancellationToken);
            foreach (var policy in attached)
            {
                await policies.TryAttachToGroupAsync(group, policy, cancellationToken);
            }
        }
    }
}
