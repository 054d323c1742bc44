using System.Collections.Concurrent;
using Tarn.Auth.Management;
using Tarn.Auth.Storage;

namespace Tarn.Auth.Authorization;

/// <summary>
/// Decides whether a user holds a permission, over the policies attached to the user and to its groups.
/// Effective policy sets are cached per user; every auth mutation made through this process invalidates
/// the cache at once, and the time-to-live bounds staleness from other instances sharing the store.
/// </summary>
public sealed class Authorizer
{
    private const int MaxCachedUsers = 1024;
    private readonly AuthStore _store;
    private readonly PolicyService _policies;
    private readonly TimeSpan _ttl;
    private readonly ConcurrentDictionary<string, CachedPolicies> _cache = new(StringComparer.Ordinal);

    internal Authorizer(AuthStore store, PolicyService policies, TimeSpan ttl)
    {
        _store = store;
        _policies = policies;
        _ttl = ttl;
    }

    /// <summary>Allow, Deny or Neutral for the user; an unknown user has no policies (Neutral).</summary>
    public async Task<AuthorizationResult> AuthorizeAsync(string username, PermissionTree permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(permission);
        var policies = await EffectivePoliciesAsync(username, cancellationToken);
        return PolicyEvaluator.Evaluate(permission, username, policies);
    }

    /// <summary>Whether the permission is granted, i.e. evaluates to <see cref="AuthorizationResult.Allow"/>.</summary>
    public async Task<bool> IsAllowedAsync(string username, PermissionTree permission, CancellationToken cancellationToken = default) =>
        await AuthorizeAsync(username, permission, cancellationToken) == AuthorizationResult.Allow;

    private async Task<IReadOnlyList<Policy>> EffectivePoliciesAsync(string username, CancellationToken cancellationToken)
    {
        var now = _store.Now();
        var generation = _store.Generation;
        if (_cache.TryGetValue(username, out var cached) && cached.Generation == generation && cached.ExpiresAt > now)
        {
            return cached.Policies;
        }

        // The generation is read before loading, so a mutation that lands mid-load makes this entry stale.
        var user = username.Length == 0 ? null : await _store.GetUserAsync(username, cancellationToken);
        IReadOnlyList<Policy> policies = user is { } u
            ? [.. (await _policies.EffectivePoliciesAsync(u.Value, cancellationToken)).Select(p => p.ToPolicy())]
            : [];
        if (_ttl > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCachedUsers)
            {
                _cache.Clear();
            }

            _cache[username] = new CachedPolicies(generation, now + _ttl, policies);
        }

        return policies;
    }

    private sealed record CachedPolicies(long Generation, DateTimeOffset ExpiresAt, IReadOnlyList<Policy> Policies);
}
