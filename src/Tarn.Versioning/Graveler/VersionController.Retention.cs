using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Retention;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// The repository's garbage-collection rules; 404 <c>not found</c> when none are set (docs/repositories.md,
    /// "Garbage-collection rules").
    /// </summary>
    public async Task<RetentionRules> GetRetentionRulesAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        return await _retention.GetAsync(repository, cancellationToken);
    }

    /// <summary>Replaces the rules; 400 for negative days, invalid or repeated branch IDs.</summary>
    public async Task SetRetentionRulesAsync(string repositoryId, RetentionRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        await _retention.SetAsync(repository, rules, cancellationToken);
    }

    /// <summary>Removes the rules (GET answers 404 afterwards); removing none is not an error.</summary>
    public async Task DeleteRetentionRulesAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        await _retention.DeleteAsync(repository, cancellationToken);
    }

    /// <summary>
    /// The commits garbage collection must keep under the repository's rules (docs/repositories.md, "Retained commits"), in ID order;
    /// 404 <c>get gc rules: not found</c> without rules. Holds every commit record in memory while it runs.
    /// </summary>
    public async Task<IReadOnlyList<CommitRecord>> FindRetainedCommitsAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        RetentionRules rules;
        try
        {
            rules = await _retention.GetAsync(repository, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw TarnException.NotFound("get gc rules: not found");
        }

        var commits = new Dictionary<CommitId, CommitRecord>();
        await foreach (var commit in _refs.ScanCommitsAsync(repository, cancellationToken))
        {
            commits[commit.Id] = commit;
        }

        var branches = new List<BranchRecord>();
        var request = new PageRequest(Amount: PageRequest.MaxAmount);
        while (true)
        {
            var page = await _refs.ListBranchesAsync(repository, request, cancellationToken);
            branches.AddRange(page.Items);
            if (!page.HasMore)
            {
                break;
            }

            request = request with { After = page.NextOffset };
        }

        return RetainedCommits.Find(commits, branches, rules, Now());
    }
}
