using Tarn.Versioning.Retention;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>The repository's garbage-collection rules; 404 <c>not found</c> when none are set (versioning.md §16.1).</summary>
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
}
