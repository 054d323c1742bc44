using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// Creates a branch at the commit <paramref name="sourceRef"/> resolves to, with an empty staging area
    /// (a source branch's uncommitted changes are not carried over), checking in lakeFS's order
    /// (docs/refs.md, "Branches"): IDs (400), repository (404), a commit with that full ID (409), a tag with
    /// that name (409), the source (404; a <c>$</c> source is 400), then existence (409).
    /// </summary>
    public async Task<BranchRecord> CreateBranchAsync(string repositoryId, string branchId, string sourceRef, CancellationToken cancellationToken = default)
    {
        IdentifierRules.EnsureRepositoryId(repositoryId);
        IdentifierRules.EnsureBranchId(branchId);
        IdentifierRules.EnsureRef(sourceRef, "source");
        var repository = await _refs.GetRepositoryAsync(repositoryId, cancellationToken);
        if (await _refs.TryGetCommitAsync(repository, new CommitId(branchId), cancellationToken) is not null)
        {
            throw TarnException.Conflict($"commit ID {branchId}: conflict found");
        }

        if (await _refs.TryGetTagAsync(repository, branchId, cancellationToken) is not null)
        {
            throw TarnException.Conflict($"tag ID {branchId}: conflict found");
        }

        ResolvedRef source;
        try
        {
            source = await _resolver.ResolveAsync(repository, sourceRef, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw GravelerErrors.RefNotFound($"source reference '{sourceRef}'");
        }

        if (source.Kind == ResolvedRefKind.BranchWithStaging)
        {
            throw TarnException.Invalid($"source reference '{sourceRef}': can't create a branch without commit");
        }

        return await _refs.CreateBranchAsync(repository, branchId, source.CommitId, cancellationToken);
    }

    /// <summary>The branch (HEAD and tokens); 404 <c>branch not found</c>.</summary>
    public async Task<BranchRecord> GetBranchAsync(string repositoryId, string branchId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        return await _refs.GetBranchAsync(repository, branchId, cancellationToken);
    }

    /// <summary>Branches ordered by ID bytes, one page.</summary>
    public async Task<Page<BranchRecord>> ListBranchesAsync(string repositoryId, PageRequest request, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        return await _refs.ListBranchesAsync(repository, request, cancellationToken);
    }

    /// <summary>
    /// Deletes a branch (its commits stay) and schedules its staging data for background deletion.
    /// 400 <c>cannot delete repository default branch</c> (checked before existence), 404 <c>branch not found</c>.
    /// </summary>
    public async Task DeleteBranchAsync(string repositoryId, string branchId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        if (branchId == repository.DefaultBranchId)
        {
            throw GravelerErrors.DefaultBranchDeletion();
        }

        using var branchLock = await LockBranchAsync(repository, branchId, cancellationToken);
        await _refs.DeleteBranchAsync(repository, branchId, cancellationToken);
    }
}
