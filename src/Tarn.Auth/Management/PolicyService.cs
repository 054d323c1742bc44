using System.Text;
using Tarn.Auth.Storage;
using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>
/// Policies and their attachments to users and groups. (In simplified RBAC mode the HTTP layer answers
/// 501 for these operations; group ACLs and setup still use this service underneath.)
/// </summary>
public sealed class PolicyService
{
    private readonly AuthStore _store;
    private readonly GroupService _groups;

    internal PolicyService(AuthStore store, GroupService groups)
    {
        _store = store;
        _groups = groups;
    }

    /// <summary>Creates a policy after validating its statements. 409 <c>Already exists</c>.</summary>
    public async Task<Policy> CreateAsync(string name, IReadOnlyList<Statement> statements, string? aclPermission = null, CancellationToken cancellationToken = default)
    {
        NameRules.ValidatePolicyName(name);
        PolicyRules.ValidateStatements(statements);
        var record = new PolicyRecord(name, AuthStore.NewUid(), _store.Now(), [.. statements], aclPermission);
        if (!await _store.CreateAsync(AuthKeys.Policy(name), record, AuthStore.Json.PolicyRecord, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }

        _store.MarkChanged();
        return record.ToPolicy();
    }

    /// <summary>Replaces the statements (and ACL marker) of an existing policy. 404 <c>policy not found</c>.</summary>
    public async Task<Policy> UpdateAsync(string name, IReadOnlyList<Statement> statements, string? aclPermission = null, CancellationToken cancellationToken = default)
    {
        PolicyRules.ValidateStatements(statements);
        while (true)
        {
            var current = await RequirePolicyAsync(name, cancellationToken);
            var updated = current.Value with { Statements = [.. statements], AclPermission = aclPermission };
            if (await _store.ReplaceAsync(AuthKeys.Policy(name), updated, AuthStore.Json.PolicyRecord, current.Raw, cancellationToken))
            {
                _store.MarkChanged();
                return updated.ToPolicy();
            }
        }
    }

    /// <summary>The policy; 404 <c>policy not found</c>.</summary>
    public async Task<Policy> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await RequirePolicyAsync(name, cancellationToken)).Value.ToPolicy();

    public async Task<Page<Policy>> ListAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        await _store.PageAsync(
            AuthKeys.PoliciesPrefix,
            request,
            (_, raw, _) => ValueTask.FromResult<Policy?>(AuthStore.Decode(raw, AuthStore.Json.PolicyRecord).ToPolicy()),
            cancellationToken);

    /// <summary>Deletes the policy and every attachment of it. 404 <c>policy not found</c>.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await RequirePolicyAsync(name, cancellationToken);
        await _store.DeleteAsync(AuthKeys.Policy(name), cancellationToken);
        foreach (var prefix in new[] { AuthKeys.UserPoliciesPrefix, AuthKeys.GroupPoliciesPrefix })
        {
            foreach (var (id, _) in await _store.CollectAsync(prefix, cancellationToken))
            {
                // id is "{principal}/{policy}"; principal names never contain '/'.
                if (id.AsSpan(id.IndexOf('/') + 1).SequenceEqual(name))
                {
                    await _store.DeleteAsync(prefix + id, cancellationToken);
                }
            }
        }

        _store.MarkChanged();
    }

    /// <summary>Attaches the policy to the user. 404 when either is missing; 409 when already attached.</summary>
    public async Task AttachToUserAsync(string username, string policy, CancellationToken cancellationToken = default)
    {
        var user = await RequireUserAsync(username, cancellationToken);
        if (!await AttachAsync(AuthKeys.UserPolicy(username, policy), user.Uid, policy, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }
    }

    /// <summary>Attaches the policy to the group. 404 when either is missing; 409 when already attached.</summary>
    public async Task AttachToGroupAsync(string group, string policy, CancellationToken cancellationToken = default)
    {
        if (!await TryAttachToGroupAsync(group, policy, cancellationToken))
        {
            throw TarnException.AlreadyExists();
        }
    }

    public async Task DetachFromUserAsync(string username, string policy, CancellationToken cancellationToken = default)
    {
        var user = await RequireUserAsync(username, cancellationToken);
        await DetachAsync(AuthKeys.UserPolicy(username, policy), user.Uid, cancellationToken);
    }

    public async Task DetachFromGroupAsync(string group, string policy, CancellationToken cancellationToken = default)
    {
        var groupRecord = (await _groups.RequireGroupAsync(group, cancellationToken)).Value;
        await DetachAsync(AuthKeys.GroupPolicy(group, policy), groupRecord.Uid, cancellationToken);
    }

    /// <summary>
    /// Policies attached to the user directly, or with <paramref name="effective"/> also through its groups
    /// (de-duplicated, sorted by name, paged by <c>after</c>/<c>amount</c>, prefix ignored as in lakeFS).
    /// </summary>
    public async Task<Page<Policy>> ListUserPoliciesAsync(string username, PageRequest request, bool effective = false, CancellationToken cancellationToken = default)
    {
        var user = await RequireUserAsync(username, cancellationToken);
        if (!effective)
        {
            return await PageAttachedAsync(AuthKeys.UserPolicies(username), user.Uid, request, cancellationToken);
        }

        var after = Encoding.UTF8.GetBytes(request.After ?? "");
        var amount = request.EffectiveAmount;
        var items = (await EffectivePoliciesAsync(user, cancellationToken))
            .Where(p => Encoding.UTF8.GetBytes(p.Name).AsSpan().SequenceCompareTo(after) > 0)
            .Take(amount)
            .Select(p => p.ToPolicy())
            .ToList();
        var full = items.Count == amount;
        return new Page<Policy>(items, full, full ? items[^1].Name : "");
    }

    /// <summary>Policies attached to the group. 404 <c>group not found</c>.</summary>
    public async Task<Page<Policy>> ListGroupPoliciesAsync(string group, PageRequest request, CancellationToken cancellationToken = default)
    {
        var groupRecord = (await _groups.RequireGroupAsync(group, cancellationToken)).Value;
        return await PageAttachedAsync(AuthKeys.GroupPolicies(group), groupRecord.Uid, request, cancellationToken);
    }

    /// <summary>The user's direct and group policies, de-duplicated by name and sorted by name (byte order).</summary>
    internal async Task<List<PolicyRecord>> EffectivePoliciesAsync(UserRecord user, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, PolicyRecord>(StringComparer.Ordinal);
        await CollectAttachedAsync(AuthKeys.UserPolicies(user.Username), user.Uid, byName, cancellationToken);
        foreach (var group in await _groups.GroupsOfAsync(user, cancellationToken))
        {
            await CollectAttachedAsync(AuthKeys.GroupPolicies(group.Name), group.Uid, byName, cancellationToken);
        }

        var result = byName.Values.ToList();
        result.Sort((a, b) => Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name)));
        return result;
    }

    /// <summary>Attaches without complaint when already attached; false in that case.</summary>
    internal async Task<bool> TryAttachToGroupAsync(string group, string policy, CancellationToken cancellationToken)
    {
        var groupRecord = (await _groups.RequireGroupAsync(group, cancellationToken)).Value;
        return await AttachAsync(AuthKeys.GroupPolicy(group, policy), groupRecord.Uid, policy, cancellationToken);
    }

    /// <summary>Creates the policy, or overwrites its statements and marker keeping its identity.</summary>
    internal async Task<PolicyRecord> PutAsync(string name, IReadOnlyList<Statement> statements, string? aclPermission, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await _store.GetPolicyAsync(name, cancellationToken);
            if (current is null)
            {
                var record = new PolicyRecord(name, AuthStore.NewUid(), createdAt, [.. statements], aclPermission);
                if (await _store.CreateAsync(AuthKeys.Policy(name), record, AuthStore.Json.PolicyRecord, cancellationToken))
                {
                    _store.MarkChanged();
                    return record;
                }

                continue;
            }

            var updated = current.Value.Value with { Statements = [.. statements], AclPermission = aclPermission };
            if (await _store.ReplaceAsync(AuthKeys.Policy(name), updated, AuthStore.Json.PolicyRecord, current.Value.Raw, cancellationToken))
            {
                _store.MarkChanged();
                return updated;
            }
        }
    }

    internal async Task<Stored<PolicyRecord>> RequirePolicyAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return (name.Length == 0 ? null : await _store.GetPolicyAsync(name, cancellationToken))
            ?? throw TarnException.NotFound("policy not found");
    }

    private async Task<UserRecord> RequireUserAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        return (username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken))?.Value
            ?? throw UserService.UserNotFound();
    }

    private async Task<bool> AttachAsync(string key, string principalUid, string policy, CancellationToken cancellationToken)
    {
        var policyRecord = (await RequirePolicyAsync(policy, cancellationToken)).Value;
        var attachment = new AttachmentRecord(principalUid, policyRecord.Uid);
        if (!await _store.CreateAsync(key, attachment, AuthStore.Json.AttachmentRecord, cancellationToken))
        {
            var existing = await _store.GetAsync(key, AuthStore.Json.AttachmentRecord, cancellationToken);
            if (existing?.Value == attachment)
            {
                return false;
            }

            // A stale attachment (of a deleted principal or policy of the same name) is replaced.
            await _store.SetAsync(key, attachment, AuthStore.Json.AttachmentRecord, cancellationToken);
        }

        _store.MarkChanged();
        return true;
    }

    private async Task DetachAsync(string key, string principalUid, CancellationToken cancellationToken)
    {
        var existing = await _store.GetAsync(key, AuthStore.Json.AttachmentRecord, cancellationToken);
        if (existing?.Value.PrincipalUid != principalUid)
        {
            throw TarnException.NotFound("policy not found");
        }

        await _store.DeleteAsync(key, cancellationToken);
        _store.MarkChanged();
    }

    private async Task<Page<Policy>> PageAttachedAsync(string prefix, string principalUid, PageRequest request, CancellationToken cancellationToken) =>
        await _store.PageAsync(
            prefix,
            request,
            async (policy, raw, ct) => (await CurrentAttachedAsync(policy, raw, principalUid, ct))?.ToPolicy(),
            cancellationToken);

    private async Task CollectAttachedAsync(string prefix, string principalUid, Dictionary<string, PolicyRecord> into, CancellationToken cancellationToken)
    {
        await foreach (var (policy, raw) in _store.ScanAsync(prefix, "", cancellationToken))
        {
            if (!into.ContainsKey(policy) && await CurrentAttachedAsync(policy, raw, principalUid, cancellationToken) is { } record)
            {
                into[policy] = record;
            }
        }
    }

    private async ValueTask<PolicyRecord?> CurrentAttachedAsync(string policy, byte[] raw, string principalUid, CancellationToken cancellationToken)
    {
        var attachment = AuthStore.Decode(raw, AuthStore.Json.AttachmentRecord);
        if (attachment.PrincipalUid != principalUid)
        {
            return null;
        }

        var record = await _store.GetPolicyAsync(policy, cancellationToken);
        return record?.Value.Uid == attachment.PolicyUid ? record.Value.Value : null;
    }
}
