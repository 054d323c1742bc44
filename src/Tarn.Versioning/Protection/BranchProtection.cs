using System.Collections.Concurrent;
using System.Security.Cryptography;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Protection;

/// <summary>
/// Stores each repository's protection rules (one record in the repository's KV partition) and checks writes
/// against them (docs/repositories.md, "Branch protection"). Checked rules are cached per repository instance for a second, so a
/// write costs no extra read; changes made through this process apply at once, changes made by another
/// process within a second (lakeFS allows several).
/// </summary>
internal sealed class BranchProtection
{
    private static readonly byte[] RulesKey = "settings/branch-protection"u8.ToArray();
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);

    private readonly IKvStore _kv;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (IReadOnlyList<BranchPattern> Patterns, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    public BranchProtection(IKvStore kv, TimeProvider time)
    {
        _kv = kv;
        _time = time;
    }

    public async ValueTask<BranchProtectionRules> GetAsync(RepositoryRecord repository, CancellationToken cancellationToken)
    {
        var entry = await _kv.GetAsync(repository.Partition, RulesKey, cancellationToken);
        return entry is null ? BranchProtectionRules.None : new BranchProtectionRules(Decode(entry.Value), ETagOf(entry.Value));
    }

    /// <summary>
    /// Replaces the rule set. <paramref name="ifMatch"/>: null writes unconditionally; empty only when no rules were
    /// ever stored; otherwise only when it equals the current ETag (412 <c>Precondition failed</c> else).
    /// </summary>
    public async ValueTask SetAsync(RepositoryRecord repository, IReadOnlyList<string> patterns, string? ifMatch, CancellationToken cancellationToken)
    {
        foreach (var pattern in patterns)
        {
            BranchPattern.Parse(pattern);
        }

        var current = await _kv.GetAsync(repository.Partition, RulesKey, cancellationToken);
        if (ifMatch is not null && ifMatch != (current is null ? string.Empty : ETagOf(current.Value)))
        {
            throw PreconditionFailed();
        }

        var predicate = current is null ? KvPredicate.Absent : KvPredicate.ValueIs(current.Value);
        if (!await _kv.SetIfAsync(repository.Partition, RulesKey, Encode(patterns), predicate, cancellationToken))
        {
            // Someone changed the rules between our read and write: with a condition that is a failed
            // precondition; without one, last writer wins, so write again over what is there now.
            if (ifMatch is not null)
            {
                throw PreconditionFailed();
            }

            await _kv.SetAsync(repository.Partition, RulesKey, Encode(patterns), cancellationToken);
        }

        _cache.TryRemove(repository.Partition, out _);
    }

    /// <summary>Changes the rule set with compare-and-swap: <paramref name="change"/> returns the new list, or null for no change.</summary>
    public async ValueTask UpdateAsync(RepositoryRecord repository, Func<IReadOnlyList<string>, IReadOnlyList<string>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= RefStore.DefaultCasAttempts; attempt++)
        {
            var current = await GetAsync(repository, cancellationToken);
            if (change(current.Patterns) is not { } updated)
            {
                return;
            }

            try
            {
                await SetAsync(repository, updated, current.ETag, cancellationToken);
                return;
            }
            catch (TarnException e) when (e.Kind == ErrorKind.PreconditionFailed)
            {
                // Changed concurrently: read again and reapply.
            }
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>403 when a rule protects <paramref name="branchId"/> against <paramref name="action"/>.</summary>
    public async ValueTask EnsureAllowedAsync(RepositoryRecord repository, string branchId, ProtectedAction action, CancellationToken cancellationToken)
    {
        foreach (var pattern in await PatternsAsync(repository, cancellationToken))
        {
            if (pattern.Matches(branchId))
            {
                throw new TarnException(ErrorKind.Forbidden, action switch
                {
                    ProtectedAction.Commit => "cannot commit to protected branch",
                    ProtectedAction.HardReset => "protected branch",
                    _ => "cannot write to protected branch",
                });
            }
        }
    }

    private async ValueTask<IReadOnlyList<BranchPattern>> PatternsAsync(RepositoryRecord repository, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(repository.Partition, out var cached) && now - cached.ReadAt < CacheLifetime)
        {
            return cached.Patterns;
        }

        var rules = await GetAsync(repository, cancellationToken);
        var patterns = rules.Patterns.Select(BranchPattern.Parse).ToList();
        _cache[repository.Partition] = (patterns, now);
        return patterns;
    }

    private static byte[] Encode(IReadOnlyList<string> patterns)
    {
        var writer = new RecordWriter();
        writer.WriteStringList(patterns, p => p);
        return writer.ToArray();
    }

    private static List<string> Decode(byte[] value) => new RecordReader(value).ReadStringList();

    private static string ETagOf(byte[] stored) => Convert.ToHexStringLower(SHA256.HashData(stored));

    private static TarnException PreconditionFailed() => new(ErrorKind.PreconditionFailed, "Precondition failed");
}
