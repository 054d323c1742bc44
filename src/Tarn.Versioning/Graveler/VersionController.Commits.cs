using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using Tarn.Versioning.Protection;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// Commits the branch's staged changes (docs/commits.md, "Committing"): seals the staging token,
    /// applies all sealed tokens (newest wins per key) onto HEAD's tree in one ordered pass, stores the
    /// commit and swaps HEAD by CAS, retrying with a fresh date and ID when another process moved the
    /// branch (423 after the configured attempts). 400 <c>commit: no changes</c> unless
    /// <see cref="CommitParams.AllowEmpty"/>. Writes racing with the seal stay staged for the next commit.
    /// </summary>
    public async Task<CommitRecord> CommitAsync(string repositoryId, string branchId, CommitParams parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.Commit, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        using var branchLock = await LockBranchAsync(repository, branchId, cancellationToken);
        await SealAsync(repository, storageNamespace, branchId, requireClean: false, cancellationToken);
        if (parameters.SourceMetaRange is { } source)
        {
            await EnsureMetaRangeExistsAsync(storageNamespace, source, cancellationToken);
        }

        try
        {
            return await PublishAsync(
                repository,
                branchId,
                async (branch, head, ct) =>
                {
                    var tree = await BuildCommitTreeAsync(storageNamespace, branch, head, parameters, ct);
                    return CommitRecord.Create(
                        parameters.Committer, parameters.Message, tree, parameters.Date ?? Now(), parameters.Metadata, [head.Id], head.Generation + 1);
                },
                cancellationToken);
        }
        catch (TarnException e) when (e.Message.EndsWith(GravelerErrors.NoChangesMessage, StringComparison.Ordinal))
        {
            // The sealed tokens change nothing: unseal them rather than make every later read consult them.
            await TryReleaseUnchangingSealedTokensAsync(repository, storageNamespace, branchId);
            throw;
        }
    }

    /// <summary>The commit any ref resolves to (a branch means its HEAD); 404 <c>commit not found</c>, 400 for <c>$</c>.</summary>
    public async Task<CommitRecord> GetCommitAsync(string repositoryId, string reference, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        try
        {
            return await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw RefErrors.CommitNotFound();
        }
    }

    /// <summary>
    /// Stores an externally built commit record verbatim (docs/commits.md, "Creating commit records"): its ID must be the hash of
    /// its fields (400 <c>commit id: invalid value: validation error</c>); 409 when it exists.
    /// </summary>
    public async Task CreateCommitRecordAsync(string repositoryId, CommitRecord commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        if (!commit.HasValidId())
        {
            throw TarnException.Invalid($"commit id: {IdentifierRules.InvalidValueMessage}");
        }

        if (!await _refs.StoreCommitAsync(repository, commit, cancellationToken))
        {
            throw RefErrors.CommitExists();
        }
    }

    /// <summary>The new tree: the source metarange as given (the branch must be clean), or HEAD plus the sealed tokens.</summary>
    private async Task<MetaRangeId> BuildCommitTreeAsync(
        StorageNamespace storageNamespace, BranchRecord branch, CommitRecord head, CommitParams parameters, CancellationToken cancellationToken)
    {
        if (parameters.SourceMetaRange is { } source)
        {
            if (await IsDirtyAsync(storageNamespace, branch.SealedTokens, head.MetaRangeId, cancellationToken))
            {
                throw GravelerErrors.SourceMetaRangeOnDirtyBranch();
            }

            return source;
        }

        await using var changes = _staging.IterateCombined(branch.SealedTokens);
        try
        {
            var result = await _committed.ApplyAsync(storageNamespace, head.MetaRangeId, changes, new ApplyOptions(parameters.AllowEmpty), cancellationToken);
            return result.MetaRangeId;
        }
        catch (TarnException e) when (GravelerErrors.IsNoChanges(e))
        {
            throw GravelerErrors.NoChanges("commit");
        }
    }

    private async Task EnsureMetaRangeExistsAsync(StorageNamespace storageNamespace, MetaRangeId metaRange, CancellationToken cancellationToken)
    {
        try
        {
            await _committed.GetRangesAsync(storageNamespace, metaRange, cancellationToken);
        }
        catch (BlockNotFoundException)
        {
            throw GravelerErrors.MetaRangeNotFound();
        }
    }
}
