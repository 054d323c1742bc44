using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// The branch's uncommitted changes against HEAD (docs/diff.md, "Uncommitted changes") in key order. Seek with
    /// <see cref="IDiffIterator.SeekGE"/> to page (<c>after</c>); prefix/delimiter folding is the caller's.
    /// </summary>
    public async Task<IDiffIterator> DiffUncommittedAsync(string repositoryId, string branchId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        var branch = await _refs.GetBranchAsync(repository, branchId, cancellationToken);
        var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
        return new UncommittedDiffIterator(_staging.IterateCombined(branch.AllTokens()), _committed, NamespaceOf(repository), head.MetaRangeId);
    }

    /// <summary>
    /// The diff between two refs (docs/diff.md) in key order. Two-dot: what turns
    /// <paramref name="leftRef"/>'s commit into <paramref name="rightRef"/>'s (with its staged changes when
    /// written <c>branch$</c>). Three-dot: what merging right into left would bring, against their merge
    /// base (404 <c>no merge base</c> for unrelated histories). Identical ranges are skipped unread.
    /// </summary>
    public async Task<IDiffIterator> DiffRefsAsync(
        string repositoryId, string leftRef, string rightRef, DiffKind kind = DiffKind.ThreeDot, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        var left = await ResolveCommitOrNotFoundAsync(repository, leftRef, cancellationToken);
        if (kind == DiffKind.ThreeDot)
        {
            var right = await ResolveCommitOrNotFoundAsync(repository, rightRef, cancellationToken);
            var mergeBase = await _mergeBase.FindAsync(repository, right.Id, left.Id, cancellationToken) ?? throw GravelerErrors.NoMergeBaseNotFound();
            return await _committed.CompareAsync(storageNamespace, left.MetaRangeId, right.MetaRangeId, mergeBase.MetaRangeId, cancellationToken);
        }

        ResolvedRef resolved;
        try
        {
            resolved = await _resolver.ResolveAsync(repository, rightRef, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw GravelerErrors.RefNotFound($"get commit by ref {rightRef}");
        }

        var committedDiff = await _committed.DiffAsync(storageNamespace, left.MetaRangeId, resolved.Commit.MetaRangeId, cancellationToken);
        return resolved.Kind == ResolvedRefKind.BranchWithStaging
            ? new StagedOverDiffIterator(committedDiff, _staging.IterateCombined(resolved.Branch!.AllTokens()), _committed, storageNamespace, left.MetaRangeId)
            : committedDiff;
    }
}
