using Tarn.Versioning.Model;
using Tarn.Versioning.Protection;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// Discards all uncommitted changes (<c>reset</c> in docs/refs.md, "Resetting a branch"): one CAS installs a fresh staging
    /// token and clears the sealed tokens; the old tokens go to the background sweeper.
    /// </summary>
    public async Task ResetBranchAsync(string repositoryId, string branchId, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.StagingWrite, cancellationToken);
        using var branchLock = await LockBranchAsync(repository, branchId, cancellationToken);
        for (var attempt = 1; attempt <= _options.MaxCasAttempts; attempt++)
        {
            await RefStore.BackoffAsync(attempt, cancellationToken);
            var branch = await _refs.GetBranchAsync(repository, branchId, cancellationToken);
            var reset = branch with { StagingToken = StagingStore.NewToken(), SealedTokens = [] };
            if (await _refs.TrySwapBranchAsync(repository, branch, reset, cancellationToken))
            {
                await _staging.DropTokensAsync(branch.AllTokens(), cancellationToken);
                return;
            }
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>
    /// Discards the uncommitted change of one key (<c>object</c>): when any token stages it, the
    /// staging token gets HEAD's value (or a tombstone when HEAD lacks the key); otherwise nothing happens.
    /// </summary>
    public async Task ResetKeyAsync(string repositoryId, string branchId, byte[] key, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.StagingWrite, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        await new BranchWriteProtocol(_refs).WriteAsync(
            repository,
            branchId,
            async (branch, ct) =>
            {
                if (await _staging.GetFirstAsync(branch.AllTokens(), key, ct) is null)
                {
                    return;
                }

                var head = await _refs.GetCommitAsync(repository, branch.CommitId, ct);
                await StageCommittedAsync(branch.StagingToken, key, await _committed.GetAsync(storageNamespace, head.MetaRangeId, key, ct), ct);
            },
            cancellationToken);
    }

    /// <summary>
    /// Discards the uncommitted changes of every key starting with <paramref name="prefix"/>
    /// (<c>common_prefix</c>; empty = all). A new token is filled with HEAD's values (or tombstones) for the
    /// staged keys under the prefix before one CAS installs it in front of the old tokens, which become
    /// sealed; so the branch never shows a half-reset prefix, and writers racing with the swap land their
    /// writes in the new token, on top of the reset.
    /// </summary>
    public async Task ResetPrefixAsync(string repositoryId, string branchId, byte[] prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.StagingWrite, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        using var branchLock = await LockBranchAsync(repository, branchId, cancellationToken);
        for (var attempt = 1; attempt <= _options.MaxCasAttempts; attempt++)
        {
            await RefStore.BackoffAsync(attempt, cancellationToken);
            var branch = await _refs.GetBranchAsync(repository, branchId, cancellationToken);
            var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
            var token = StagingStore.NewToken();
            await using (var staged = _staging.IterateCombined(branch.AllTokens()))
            {
                staged.SeekGE(prefix);
                while (await staged.MoveNextAsync(cancellationToken) && staged.Current.Key.AsSpan().StartsWith(prefix))
                {
                    var key = staged.Current.Key;
                    await StageCommittedAsync(token, key, await _committed.GetAsync(storageNamespace, head.MetaRangeId, key, cancellationToken), cancellationToken);
                }
            }

            var reset = branch with { StagingToken = token, SealedTokens = [branch.StagingToken, .. branch.SealedTokens] };
            if (await _refs.TrySwapBranchAsync(repository, branch, reset, cancellationToken))
            {
                return;
            }

            await _staging.DropTokensAsync([token], cancellationToken);
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>
    /// Moves the branch HEAD to the commit <paramref name="reference"/> resolves to, which is resolved
    /// inside the CAS loop so a concurrent commit is never silently lost (docs/refs.md, "Hard reset"). Refuses a
    /// branch with any uncommitted change: 400 <c>uncommitted changes (dirty branch)</c> (docs/lakefs-quirks.md,
    /// "Hard reset refuses any uncommitted change").
    /// </summary>
    public async Task<CommitRecord> HardResetAsync(string repositoryId, string branchId, string reference, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        IdentifierRules.EnsureRef(reference);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.HardReset, cancellationToken);
        _ = await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        return await UpdateCleanBranchAsync(
            repository,
            branchId,
            async (_, _, ct) => await _resolver.ResolveCommitAsync(repository, reference, ct),
            cancellationToken);
    }

    private ValueTask StageCommittedAsync(StagingToken token, byte[] key, Value? committed, CancellationToken cancellationToken) =>
        committed is null ? _staging.SetTombstoneAsync(token, key, cancellationToken) : _staging.SetAsync(token, key, committed, cancellationToken);
}
