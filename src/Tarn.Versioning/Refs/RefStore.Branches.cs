using Tarn.Kv;
using Tarn.Versioning.Model;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Refs;

public sealed partial class RefStore
{
    /// <summary>
    /// Creates a branch at <paramref name="commitId"/> with a fresh, empty staging area; create-if-absent,
    /// so a racing creator gets 409 <c>branch already exists: not unique</c>. Name collisions with tags
    /// and commit IDs (docs/refs.md, "Name collisions") are the caller's checks, because their order relative to others matters.
    /// </summary>
    public async ValueTask<BranchRecord> CreateBranchAsync(RepositoryRecord repository, string branchId, CommitId commitId, CancellationToken cancellationToken = default)
    {
        IdentifierRules.EnsureBranchId(branchId);
        var branch = new BranchRecord(branchId, commitId, StagingStore.NewToken(), []);
        var created = await _kv.SetIfAsync(
            repository.Partition, RefKeys.Key(RefKeys.BranchesPrefix, branchId), RefRecordCodec.Encode(branch), KvPredicate.Absent, cancellationToken);
        return created ? branch : throw RefErrors.BranchExists();
    }

    public async ValueTask<BranchRecord?> TryGetBranchAsync(RepositoryRecord repository, string branchId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(branchId))
        {
            return null;
        }

        var entry = await _kv.GetAsync(repository.Partition, RefKeys.Key(RefKeys.BranchesPrefix, branchId), cancellationToken);
        return entry is null ? null : RefRecordCodec.DecodeBranch(entry.Value);
    }

    /// <summary>The branch; 404 <c>branch not found</c>.</summary>
    public async ValueTask<BranchRecord> GetBranchAsync(RepositoryRecord repository, string branchId, CancellationToken cancellationToken = default) =>
        await TryGetBranchAsync(repository, branchId, cancellationToken) ?? throw RefErrors.BranchNotFound();

    /// <summary>Branches ordered by ID bytes.</summary>
    public ValueTask<Page<BranchRecord>> ListBranchesAsync(RepositoryRecord repository, PageRequest request, CancellationToken cancellationToken = default) =>
        KvPaging.ReadPageAsync(
            _kv, repository.Partition, RefKeys.BranchesPrefix, request, e => RefRecordCodec.DecodeBranch(e.Value), b => b.Id, cancellationToken);

    /// <summary>
    /// Replaces the branch record only if it still equals <paramref name="expected"/> (as read earlier);
    /// false when another writer moved the branch (or deleted it) in between.
    /// </summary>
    public ValueTask<bool> TrySwapBranchAsync(RepositoryRecord repository, BranchRecord expected, BranchRecord next, CancellationToken cancellationToken = default)
    {
        if (expected.Id != next.Id)
        {
            throw new ArgumentException("A swap cannot rename a branch.", nameof(next));
        }

        // Encoding is canonical, so re-encoding the record that was read reproduces the stored bytes.
        return _kv.SetIfAsync(
            repository.Partition,
            RefKeys.Key(RefKeys.BranchesPrefix, next.Id),
            RefRecordCodec.Encode(next),
            KvPredicate.ValueIs(RefRecordCodec.Encode(expected)),
            cancellationToken);
    }

    /// <summary>
    /// Read-modify-CAS loop: <paramref name="update"/> gets the current record and returns the new one
    /// (or null to leave the branch as it is); lost races are retried from the fresh record with backoff.
    /// 404 when the branch does not exist, 423 after <paramref name="maxAttempts"/> lost races.
    /// </summary>
    /// <returns>The record now stored.</returns>
    public async ValueTask<BranchRecord> UpdateBranchAsync(
        RepositoryRecord repository,
        string branchId,
        Func<BranchRecord, BranchRecord?> update,
        int maxAttempts = DefaultCasAttempts,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken);
            var current = await GetBranchAsync(repository, branchId, cancellationToken);
            var next = update(current);
            if (next is null || next.Equals(current))
            {
                return current;
            }

            if (await TrySwapBranchAsync(repository, current, next, cancellationToken))
            {
                return next;
            }
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>
    /// Deletes the branch record and hands its staging and sealed tokens to the sweeper. Protection of
    /// the default branch is the caller's check (docs/refs.md, "Branches", orders it before existence).
    /// </summary>
    /// <returns>The record that was deleted.</returns>
    public async ValueTask<BranchRecord> DeleteBranchAsync(RepositoryRecord repository, string branchId, CancellationToken cancellationToken = default)
    {
        var branch = await GetBranchAsync(repository, branchId, cancellationToken);
        await _kv.DeleteAsync(repository.Partition, RefKeys.Key(RefKeys.BranchesPrefix, branchId), cancellationToken);
        await _staging.DropTokensAsync(branch.AllTokens(), cancellationToken);
        return branch;
    }
}
