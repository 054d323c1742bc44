using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>The metadata keys a cherry-picked commit records its origin under.</summary>
    public const string CherryPickOriginKey = "cherry-pick-origin";
    public const string CherryPickCommitterKey = "cherry-pick-committer";

    /// <summary>
    /// Reverts the commit <paramref name="reference"/> resolves to on a clean branch (docs/merge.md, "Revert and cherry-pick"):
    /// a three-way merge with base = the commit's tree, source = its parent's tree, destination = HEAD.
    /// <paramref name="parentNumber"/> 0 means "not given" (409 for a merge commit). Creates
    /// <c>Revert &lt;ref&gt;</c> with parents [HEAD].
    /// </summary>
    public async Task<CommitRecord> RevertAsync(
        string repositoryId, string branchId, string reference, int parentNumber, string committer, bool allowEmpty = false, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        IdentifierRules.EnsureRef(reference);
        if (parentNumber < 0)
        {
            throw TarnException.Invalid($"argument parent_number: {IdentifierRules.InvalidValueMessage}");
        }

        var target = await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        if (target.Parents.Count > 1 && parentNumber == 0)
        {
            throw GravelerErrors.RevertMergeWithoutParent();
        }

        if (parentNumber > target.Parents.Count)
        {
            throw GravelerErrors.RevertParentOutOfRange(parentNumber);
        }

        var parentTree = await ParentTreeAsync(repository, target, Math.Max(parentNumber, 1), cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        return await UpdateCleanBranchAsync(
            repository,
            branchId,
            async (_, head, ct) =>
            {
                var tree = await ApplyThreeWayAsync(storageNamespace, head.MetaRangeId, parentTree, target.MetaRangeId, ct);
                if (!allowEmpty && await NormalizeTreeAsync(storageNamespace, tree, ct) == await NormalizeTreeAsync(storageNamespace, head.MetaRangeId, ct))
                {
                    throw GravelerErrors.NoChanges("update branch");
                }

                return CommitRecord.Create(committer, $"Revert {reference}", tree, Now(), null, [head.Id], head.Generation + 1);
            },
            cancellationToken);
    }

    /// <summary>
    /// Applies the changes of the commit <paramref name="reference"/> resolves to onto a clean branch
    /// (docs/merge.md, "Revert and cherry-pick"): base = the chosen parent's tree, source = the commit's tree, destination =
    /// HEAD. The new commit keeps the message and metadata and adds <c>cherry-pick-origin</c> and
    /// <c>cherry-pick-committer</c>. <paramref name="parentNumber"/> null means "not given".
    /// </summary>
    public async Task<CommitRecord> CherryPickAsync(
        string repositoryId, string branchId, string reference, int? parentNumber, string committer, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        IdentifierRules.EnsureRef(reference);
        if (parentNumber is <= 0)
        {
            throw GravelerErrors.ParentNumberNotPositive();
        }

        var target = await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        if (parentNumber is null && target.Parents.Count > 1)
        {
            throw GravelerErrors.CherryPickMergeWithoutParent();
        }

        var parent = parentNumber ?? 1;
        if (parent > target.Parents.Count)
        {
            throw GravelerErrors.CherryPickParentOutOfRange(parent);
        }

        var parentTree = await ParentTreeAsync(repository, target, parent, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        var metadata = new Dictionary<string, string>(target.Metadata, StringComparer.Ordinal)
        {
            [CherryPickOriginKey] = target.Id.Value,
            [CherryPickCommitterKey] = target.Committer,
        };
        return await UpdateCleanBranchAsync(
            repository,
            branchId,
            async (_, head, ct) =>
            {
                var tree = await ApplyThreeWayAsync(storageNamespace, head.MetaRangeId, target.MetaRangeId, parentTree, ct);
                return CommitRecord.Create(committer, target.Message, tree, Now(), metadata, [head.Id], head.Generation + 1);
            },
            cancellationToken);
    }

    /// <summary>The tree of the commit's 1-based <paramref name="parentNumber"/>-th parent; the empty tree for a root commit.</summary>
    private async Task<MetaRangeId> ParentTreeAsync(RepositoryRecord repository, CommitRecord commit, int parentNumber, CancellationToken cancellationToken) =>
        commit.Parents.Count == 0
            ? MetaRangeId.Empty
            : (await _refs.GetCommitAsync(repository, commit.Parents[parentNumber - 1], cancellationToken)).MetaRangeId;

    /// <summary>
    /// The three-way merge without strategy (docs/merge.md, "Merge rules per key"), worded as revert and cherry-pick
    /// report it.
    /// </summary>
    private async Task<MetaRangeId> ApplyThreeWayAsync(
        StorageNamespace storageNamespace, MetaRangeId destination, MetaRangeId source, MetaRangeId mergeBase, CancellationToken cancellationToken)
    {
        try
        {
            return await MergeTreesAsync(storageNamespace, destination, source, mergeBase, MergeStrategy.None, "update branch", cancellationToken);
        }
        catch (MergeConflictException)
        {
            throw GravelerErrors.UpdateConflict();
        }
    }
}
