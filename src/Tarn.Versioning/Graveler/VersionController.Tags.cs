using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// Creates a tag at the commit <paramref name="reference"/> resolves to (docs/refs.md, "Tags"), checking
    /// in lakeFS's order: IDs (400), repository (404), a branch with that name (409), a commit with that
    /// full ID (409), the ref (404; 400 for <c>$</c>), then existence (409 <c>tag already exists: not unique</c>).
    /// </summary>
    public async Task<TagRecord> CreateTagAsync(string repositoryId, string tagId, string reference, CancellationToken cancellationToken = default)
    {
        IdentifierRules.EnsureRepositoryId(repositoryId);
        IdentifierRules.EnsureTagId(tagId, "id");
        IdentifierRules.EnsureRef(reference);
        var repository = await _refs.GetRepositoryAsync(repositoryId, cancellationToken);
        if (await _refs.TryGetBranchAsync(repository, tagId, cancellationToken) is not null)
        {
            throw TarnException.Conflict($"branch name {tagId}: conflict found");
        }

        if (await _refs.TryGetCommitAsync(repository, new CommitId(tagId), cancellationToken) is not null)
        {
            throw TarnException.Conflict($"commit ID {tagId}: conflict found");
        }

        var commit = await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        return await _refs.CreateTagAsync(repository, tagId, commit.Id, cancellationToken);
    }

    /// <summary>The tag; 404 <c>tag not found</c>.</summary>
    public async Task<TagRecord> GetTagAsync(string repositoryId, string tagId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureTagId(tagId);
        return await _refs.GetTagAsync(repository, tagId, cancellationToken);
    }

    /// <summary>Tags ordered by ID bytes, one page.</summary>
    public async Task<Page<TagRecord>> ListTagsAsync(string repositoryId, PageRequest request, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        return await _refs.ListTagsAsync(repository, request, cancellationToken);
    }

    /// <summary>Deletes the tag, not its commit; 404 <c>tag not found</c>.</summary>
    public async Task DeleteTagAsync(string repositoryId, string tagId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureTagId(tagId);
        await _refs.DeleteTagAsync(repository, tagId, cancellationToken);
    }
}
