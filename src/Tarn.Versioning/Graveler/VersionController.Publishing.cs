using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// The branch-moving recipes (docs/architecture.md, "Algorithms") shared by commit, merge, revert, cherry-pick and
/// hard reset: seal the staging token, build a commit from the branch as read, store it, and move the
/// branch by compare-and-swap, retrying from the fresh record when another process moved it first.
/// </summary>
public sealed partial class VersionController
{
    /// <summary>Builds the commit to install on a branch as read, given its HEAD commit.</summary>
    private delegate Task<CommitRecord> CommitBuilder(BranchRecord branch, CommitRecord head, CancellationToken cancellationToken);

    /// <summary>
    /// Seals the branch's staging token (one CAS): it moves to the front of the sealed tokens and a fresh
    /// token receives new writes. When <paramref name="requireClean"/>, refuses a dirty branch with 400
    /// first (merge, revert, cherry-pick, hard reset).
    /// </summary>
    private async Task SealAsync(RepositoryRecord repository, StorageNamespace storageNamespace, string branchId, bool requireClean, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _options.MaxCasAttempts; attempt++)
        {
            await RefStore.BackoffAsync(attempt, cancellationToken);
            var branch = await _refs.GetBranchAsync(repository, branchId, cancellationToken);
            if (requireClean)
            {
                var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
                if (await IsDirtyAsync(storageNamespace, branch.AllTokens(), head.MetaRangeId, cancellationToken))
                {
                    throw GravelerErrors.DirtyBranch();
                }
            }

            var sealedBranch = branch with
            {
                StagingToken = StagingStore.NewToken(),
                SealedTokens = [branch.StagingToken, .. branch.SealedTokens],
            };
            if (await _refs.TrySwapBranchAsync(repository, branch, sealedBranch, cancellationToken))
            {
                return;
            }
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>
    /// The CAS loop: read the branch, build the commit from it, store the commit, then swap
    /// HEAD and clear the sealed tokens only if the branch is still exactly as read. A crash anywhere
    /// leaves the branch before (sealed tokens still there, so no staged write is lost) or after.
    /// The consumed tokens are handed to the background sweeper once the branch no longer names them.
    /// </summary>
    private async Task<CommitRecord> PublishAsync(RepositoryRecord repository, string branchId, CommitBuilder build, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        for (var attempt = 1; attempt <= _options.MaxCasAttempts; attempt++)
        {
            await RefStore.BackoffAsync(attempt, cancellationToken);
            var branch = await _refs.GetBranchAsync(repository, branchId, cancellationToken);
            var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
            var commit = await build(branch, head, cancellationToken);
            await _refs.StoreCommitAsync(repository, commit, cancellationToken);
            var published = branch with { CommitId = commit.Id, SealedTokens = [] };
            if (await _refs.TrySwapBranchAsync(repository, branch, published, cancellationToken))
            {
                Log.BranchMoved(_logger, repository.Id, branchId, commit.Id.Value, (long)_time.GetElapsedTime(started).TotalMilliseconds);
                await _staging.DropTokensAsync(branch.SealedTokens, cancellationToken);
                Log.TokensDropped(_logger, repository.Id, branchId, branch.SealedTokens.Count);
                return commit;
            }

            Log.BranchMovedConcurrently(_logger, repository.Id, branchId, commit.Id.Value, attempt);
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>
    /// Merge, revert, cherry-pick: the branch must be clean; its (empty) staging token is sealed so a
    /// writer slipping in afterwards is either detected (its write lands in a sealed token, which makes
    /// the build refuse as dirty) or lands in the fresh token and stays staged on top of the result.
    /// On failure, sealed tokens that change nothing are removed again so they do not pile up.
    /// </summary>
    private async Task<CommitRecord> UpdateCleanBranchAsync(RepositoryRecord repository, string branchId, CommitBuilder build, CancellationToken cancellationToken)
    {
        var storageNamespace = NamespaceOf(repository);
        using var branchLock = await LockBranchAsync(repository, branchId, cancellationToken);
        await SealAsync(repository, storageNamespace, branchId, requireClean: true, cancellationToken);
        try
        {
            return await PublishAsync(
                repository,
                branchId,
                async (branch, head, ct) =>
                {
                    if (await IsDirtyAsync(storageNamespace, branch.SealedTokens, head.MetaRangeId, ct))
                    {
                        throw GravelerErrors.DirtyBranch();
                    }

                    return await build(branch, head, ct);
                },
                cancellationToken);
        }
        catch (TarnException)
        {
            await TryReleaseUnchangingSealedTokensAsync(repository, storageNamespace, branchId);
            throw;
        }
    }

    /// <summary>Cleanup after a failed operation: must not replace the operation's error with its own.</summary>
    private async Task TryReleaseUnchangingSealedTokensAsync(RepositoryRecord repository, StorageNamespace storageNamespace, string branchId)
    {
        try
        {
            await ReleaseUnchangingSealedTokensAsync(repository, storageNamespace, branchId, CancellationToken.None);
        }
        catch (TarnException)
        {
            // The tokens stay sealed; they are still read and the next commit consumes them.
        }
    }

    /// <summary>
    /// Removes the branch's sealed tokens when none of them changes anything against HEAD (values equal
    /// to HEAD's, tombstones of absent keys): dropping them is invisible, and keeping them would make
    /// every read consult one more token. Best effort: a lost race just leaves them.
    /// </summary>
    private async Task ReleaseUnchangingSealedTokensAsync(
        RepositoryRecord repository, StorageNamespace storageNamespace, string branchId, CancellationToken cancellationToken)
    {
        var branch = await _refs.TryGetBranchAsync(repository, branchId, cancellationToken);
        if (branch is null || branch.SealedTokens.Count == 0)
        {
            return;
        }

        var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
        if (await IsDirtyAsync(storageNamespace, branch.SealedTokens, head.MetaRangeId, cancellationToken))
        {
            return;
        }

        if (await _refs.TrySwapBranchAsync(repository, branch, branch with { SealedTokens = [] }, cancellationToken))
        {
            await _staging.DropTokensAsync(branch.SealedTokens, cancellationToken);
        }
    }

    /// <summary>
    /// The "dirty" test (docs/staging.md, "Sealing and the dirty test"): true iff some staged value in
    /// <paramref name="tokens"/> (newest first wins) differs in identity from the tree's, or tombstones a key the tree
    /// has.
    /// </summary>
    private async Task<bool> IsDirtyAsync(StorageNamespace storageNamespace, IReadOnlyList<StagingToken> tokens, MetaRangeId tree, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0)
        {
            return false;
        }

        await using var staged = _staging.IterateCombined(tokens);
        while (await staged.MoveNextAsync(cancellationToken))
        {
            var record = staged.Current;
            var committed = await _committed.GetAsync(storageNamespace, tree, record.Key, cancellationToken);
            if (StagedComparison.Classify(record, committed) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Trees with no records are "the empty tree" whatever their ID: the root commit's <c>""</c> and the
    /// zero-range metarange an empty commit writes. Merge shortcuts compare IDs, so map both to <c>""</c>.
    /// </summary>
    private async Task<MetaRangeId> NormalizeTreeAsync(StorageNamespace storageNamespace, MetaRangeId tree, CancellationToken cancellationToken) =>
        tree.IsEmpty || (await _committed.GetRangesAsync(storageNamespace, tree, cancellationToken)).Count > 0 ? tree : MetaRangeId.Empty;
}
