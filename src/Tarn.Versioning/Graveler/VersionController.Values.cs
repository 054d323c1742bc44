using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Protection;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// The value of <paramref name="key"/> as <paramref name="reference"/> sees it (docs/staging.md,
    /// "Reads"): a branch reads its staging token, then its sealed tokens newest first, then HEAD (the first
    /// hit wins; a tombstone means absent); <c>branch@</c>, tags and commits read the committed tree only.
    /// </summary>
    /// <returns>The value, or null when the ref does not have the key.</returns>
    public async Task<Value?> GetAsync(string repositoryId, string reference, byte[] key, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var resolved = await _resolver.ResolveAsync(repository, reference, cancellationToken);
        if (resolved.IncludesStaging && await _staging.GetFirstAsync(resolved.Branch!.AllTokens(), key, cancellationToken) is { } staged)
        {
            return staged.Value;
        }

        return await _committed.GetAsync(NamespaceOf(repository), resolved.Commit.MetaRangeId, key, cancellationToken);
    }

    /// <summary>
    /// Stages <paramref name="value"/> under <paramref name="key"/> on the branch, through the writer retry
    /// protocol so a racing commit can never lose it. With <paramref name="ifAbsent"/> (If-None-Match: *)
    /// the key must be absent on the branch and is written by compare-and-swap in the staging token;
    /// otherwise 412 <c>Precondition failed</c>.
    /// </summary>
    public async Task SetAsync(string repositoryId, string branchId, byte[] key, Value value, bool ifAbsent = false, CancellationToken cancellationToken = default)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(value);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.StagingWrite, cancellationToken);
        var writes = new BranchWriteProtocol(_refs);
        if (!ifAbsent)
        {
            await writes.WriteAsync(repository, branchId, (branch, ct) => _staging.SetAsync(branch.StagingToken, key, value, ct), cancellationToken);
            return;
        }

        var storageNamespace = NamespaceOf(repository);
        var attempt = 0;
        await writes.WriteAsync(
            repository,
            branchId,
            async (branch, ct) =>
            {
                // A retry runs because a commit swapped the token after our first write: the value found
                // on the branch may then be our own, which must not count as "already exists".
                var retry = attempt++ > 0;
                var visible = await VisibleOnBranchAsync(storageNamespace, repository, branch, key, ct);
                if (visible is not null && !(retry && SameValue(visible, value)))
                {
                    throw PreconditionFailed();
                }

                if (!await _staging.SetIfAbsentAsync(branch.StagingToken, key, value, ct)
                    && !(retry && await _staging.GetAsync(branch.StagingToken, key, ct) is { Value: { } mine } && SameValue(mine, value)))
                {
                    throw PreconditionFailed();
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Deletes <paramref name="key"/> on the branch (docs/staging.md, "Deletes and tombstones"): a tombstone goes into the
    /// staging token when the token holds the key, HEAD has it, or a sealed token holds a live value;
    /// otherwise nothing is written. Deleting an absent key is not an error.
    /// </summary>
    public Task DeleteAsync(string repositoryId, string branchId, byte[] key, CancellationToken cancellationToken = default) =>
        DeleteManyAsync(repositoryId, branchId, [key], cancellationToken);

    /// <summary>As <see cref="DeleteAsync"/> for many keys in one pass of the writer protocol (bulk delete).</summary>
    public async Task DeleteManyAsync(string repositoryId, string branchId, IReadOnlyList<byte[]> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            EnsureKey(key);
        }

        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(branchId);
        await _protection.EnsureAllowedAsync(repository, branchId, ProtectedAction.StagingWrite, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        await new BranchWriteProtocol(_refs).WriteAsync(
            repository,
            branchId,
            async (branch, ct) =>
            {
                var head = await _refs.GetCommitAsync(repository, branch.CommitId, ct);
                foreach (var key in keys)
                {
                    if (await NeedsTombstoneAsync(storageNamespace, branch, head.MetaRangeId, key, ct))
                    {
                        await _staging.SetTombstoneAsync(branch.StagingToken, key, ct);
                    }
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// The records <paramref name="reference"/> sees, in key order from <paramref name="fromKey"/>: staging
    /// tokens over the committed tree, the first source holding a key wins, tombstones dropped
    /// (docs/staging.md, "Reads"). The iterator supports <see cref="IValueIterator.SeekGE"/>, which the catalog
    /// uses to skip common prefixes; it reads the branch's tokens as they were when it was opened.
    /// </summary>
    public async Task<IValueIterator> ListAsync(string repositoryId, string reference, byte[]? fromKey = null, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var resolved = await _resolver.ResolveAsync(repository, reference, cancellationToken);
        IValueIterator committed = _committed.OpenIterator(NamespaceOf(repository), resolved.Commit.MetaRangeId);
        IValueIterator iterator = resolved.IncludesStaging
            ? new VisibleValuesIterator(new CombinedStagingIterator([.. resolved.Branch!.AllTokens().Select(_staging.Iterate), committed]))
            : committed;
        if (fromKey is { Length: > 0 })
        {
            iterator.SeekGE(fromKey);
        }

        return iterator;
    }

    /// <summary>The value the branch shows for <paramref name="key"/>: staging tokens newest first, then HEAD.</summary>
    private async Task<Value?> VisibleOnBranchAsync(
        StorageNamespace storageNamespace, RepositoryRecord repository, BranchRecord branch, byte[] key, CancellationToken cancellationToken)
    {
        if (await _staging.GetFirstAsync(branch.AllTokens(), key, cancellationToken) is { } staged)
        {
            return staged.Value;
        }

        var head = await _refs.GetCommitAsync(repository, branch.CommitId, cancellationToken);
        return await _committed.GetAsync(storageNamespace, head.MetaRangeId, key, cancellationToken);
    }

    /// <summary>
    /// The tombstone rule of docs/staging.md, "Deletes and tombstones" (the staging token's own entry, HEAD, then live
    /// values in sealed tokens).
    /// </summary>
    private async Task<bool> NeedsTombstoneAsync(StorageNamespace storageNamespace, BranchRecord branch, MetaRangeId head, byte[] key, CancellationToken cancellationToken)
    {
        if (await _staging.GetAsync(branch.StagingToken, key, cancellationToken) is not null)
        {
            return true;
        }

        if (await _committed.GetAsync(storageNamespace, head, key, cancellationToken) is not null)
        {
            return true;
        }

        return await _staging.GetFirstAsync(branch.SealedTokens, key, cancellationToken) is { Value: not null };
    }

    private static bool SameValue(Value left, Value right) => left.SameIdentity(right) && left.Data.AsSpan().SequenceEqual(right.Data);

    private static TarnException PreconditionFailed() => new(ErrorKind.PreconditionFailed, "Precondition failed");

    private static void EnsureKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw TarnException.Invalid($"argument path: {IdentifierRules.MissingPathMessage}");
        }
    }
}
