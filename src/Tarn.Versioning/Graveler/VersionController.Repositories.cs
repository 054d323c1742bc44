using Tarn.Blocks;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// Creates a repository (docs/repositories.md, "Creating a repository"): validates the ID, default branch and storage namespace
    /// first, then (unless bare) the root commit <c>Repository created</c> by committer <c>""</c> over the
    /// empty tree and the default branch at it, and last the record, create-if-absent (409
    /// <c>not unique</c> for a concurrent or earlier creator). Whether the namespace is unused and
    /// writable is the catalog's check, made before this call.
    /// </summary>
    public async Task<RepositoryRecord> CreateRepositoryAsync(RepositoryCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        IdentifierRules.EnsureRepositoryId(creation.Id, "name");
        if (!string.IsNullOrEmpty(creation.StorageNamespace))
        {
            // Committed files are written under the namespace; an unparsable one would fail every commit.
            StorageNamespace.Parse(creation.StorageNamespace);
        }

        var normalized = string.IsNullOrEmpty(creation.DefaultBranchId) ? creation with { DefaultBranchId = RepositoryCreation.DefaultBranch } : creation;
        return await _refs.CreateRepositoryAsync(normalized, cancellationToken);
    }

    /// <summary>The repository: 400 invalid ID, 404 <c>repository not found</c>, 410 <c>repository in deletion</c>.</summary>
    public async Task<RepositoryRecord> GetRepositoryAsync(string repositoryId, CancellationToken cancellationToken = default) =>
        await RepositoryAsync(repositoryId, cancellationToken);

    /// <summary>Active repositories ordered by ID bytes, one page.</summary>
    public async Task<Page<RepositoryRecord>> ListRepositoriesAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        await _refs.ListRepositoriesAsync(request, cancellationToken);

    /// <summary>
    /// Deletes the repository's refs and hands its staging tokens to the sweeper; committed files in the
    /// storage namespace stay (GC's job). 404 <c>repository not found</c>.
    /// </summary>
    public async Task DeleteRepositoryAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        IdentifierRules.EnsureRepositoryId(repositoryId);
        await _refs.DeleteRepositoryAsync(repositoryId, cancellationToken);
    }

    /// <summary>The repository's metadata map (<c>{}</c> when none).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetRepositoryMetadataAsync(string repositoryId, CancellationToken cancellationToken = default) =>
        await _refs.GetRepositoryMetadataAsync(await RepositoryAsync(repositoryId, cancellationToken), cancellationToken);

    /// <summary>Adds or overwrites <paramref name="set"/> and removes <paramref name="remove"/> in one retried CAS.</summary>
    public async Task UpdateRepositoryMetadataAsync(
        string repositoryId,
        IReadOnlyDictionary<string, string>? set,
        IReadOnlyCollection<string>? remove,
        CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        await _refs.UpdateRepositoryMetadataAsync(
            repository,
            map =>
            {
                var changed = false;
                foreach (var (key, value) in set ?? new Dictionary<string, string>())
                {
                    changed |= !map.TryGetValue(key, out var old) || old != value;
                    map[key] = value;
                }

                foreach (var key in remove ?? [])
                {
                    changed |= map.Remove(key);
                }

                return changed;
            },
            cancellationToken);
    }
}
