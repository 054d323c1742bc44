using Tarn.Core;
using Tarn.Versioning.Protection;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>The repository's branch-protection rules and their ETag (docs/repositories.md, "Branch protection").</summary>
    public async Task<BranchProtectionRules> GetBranchProtectionRulesAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        return await _protection.GetAsync(repository, cancellationToken);
    }

    /// <summary>
    /// Replaces the rule set: 400 for an invalid pattern, 412 when <paramref name="ifMatch"/> (null: no condition,
    /// empty: "no rules stored yet") does not hold.
    /// </summary>
    public async Task SetBranchProtectionRulesAsync(
        string repositoryId, IReadOnlyList<string> patterns, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        await _protection.SetAsync(repository, patterns, ifMatch, cancellationToken);
    }

    /// <summary>Adds <paramref name="pattern"/> unless present (the deprecated one-rule endpoint).</summary>
    public async Task AddBranchProtectionRuleAsync(string repositoryId, string pattern, CancellationToken cancellationToken = default)
    {
        BranchPattern.Parse(pattern);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        await _protection.UpdateAsync(repository, rules => rules.Contains(pattern, StringComparer.Ordinal) ? null : [.. rules, pattern], cancellationToken);
    }

    /// <summary>Removes <paramref name="pattern"/>; 404 when no rule has it.</summary>
    public async Task DeleteBranchProtectionRuleAsync(string repositoryId, string pattern, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var found = false;
        await _protection.UpdateAsync(
            repository,
            rules =>
            {
                found = rules.Contains(pattern, StringComparer.Ordinal);
                return found ? [.. rules.Where(r => !string.Equals(r, pattern, StringComparison.Ordinal))] : null;
            },
            cancellationToken);
        if (!found)
        {
            throw TarnException.NotFound("branch protection rule not found");
        }
    }
}
