using System.Runtime.CompilerServices;
using Tarn.Kv;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

public sealed partial class RefStore
{
    /// <summary>
    /// Stores a commit record once (create-if-absent). Commits are content addressed, so finding the same ID already
    /// stored is normally harmless: the result says which happened, and callers that must refuse duplicates
    /// (commit-record creation, docs/commits.md, "Creating commit records") throw <see cref="RefErrors.CommitExists"/>.
    /// </summary>
    /// <returns>True when stored now, false when a commit with that ID existed.</returns>
    public async ValueTask<bool> StoreCommitAsync(RepositoryRecord repository, CommitRecord commit, CancellationToken cancellationToken = default)
    {
        var created = await _kv.SetIfAsync(
            repository.Partition, RefKeys.Key(RefKeys.CommitsPrefix, commit.Id.Value), RefRecordCodec.Encode(commit), KvPredicate.Absent, cancellationToken);
        if (created)
        {
            _commits.Add(repository.Partition, commit);
        }

        return created;
    }

    /// <summary>The commit (from the cache when possible), or null.</summary>
    public async ValueTask<CommitRecord?> TryGetCommitAsync(RepositoryRecord repository, CommitId commitId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(commitId.Value))
        {
            return null;
        }

        if (_commits.TryGet(repository.Partition, commitId, out var cached))
        {
            return cached;
        }

        var entry = await _kv.GetAsync(repository.Partition, RefKeys.Key(RefKeys.CommitsPrefix, commitId.Value), cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var commit = RefRecordCodec.DecodeCommit(entry.Value);
        _commits.Add(repository.Partition, commit);
        return commit;
    }

    /// <summary>The commit; 404 <c>commit not found</c>.</summary>
    public async ValueTask<CommitRecord> GetCommitAsync(RepositoryRecord repository, CommitId commitId, CancellationToken cancellationToken = default) =>
        await TryGetCommitAsync(repository, commitId, cancellationToken) ?? throw RefErrors.CommitNotFound();

    /// <summary>Up to <paramref name="limit"/> commit IDs starting with <paramref name="prefix"/>, in ID order (ref resolution asks for 2 to detect ambiguity).</summary>
    public async ValueTask<IReadOnlyList<CommitId>> ListCommitIdsByPrefixAsync(
        RepositoryRecord repository, string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var ids = new List<CommitId>();
        await foreach (var entry in KvPaging.ScanFamilyAsync(_kv, repository.Partition, RefKeys.CommitsPrefix, prefix, null, cancellationToken))
        {
            ids.Add(new CommitId(RefKeys.IdOf(RefKeys.CommitsPrefix, entry.Key)));
            if (ids.Count >= limit)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>Every commit of the repository in ID order (dumps, GC).</summary>
    public async IAsyncEnumerable<CommitRecord> ScanCommitsAsync(RepositoryRecord repository, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in KvPaging.ScanFamilyAsync(_kv, repository.Partition, RefKeys.CommitsPrefix, null, null, cancellationToken))
        {
            yield return RefRecordCodec.DecodeCommit(entry.Value);
        }
    }
}
