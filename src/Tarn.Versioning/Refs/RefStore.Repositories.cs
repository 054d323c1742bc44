using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

public sealed partial class RefStore
{
    /// <summary>
    /// Creates a repository: a new instance, then (unless bare) the root commit and the default branch
    /// inside the instance partition, and last the repository record, created only if absent, so a
    /// concurrent creator of the same ID loses with 409 and leaves nothing behind.
    /// </summary>
    public async ValueTask<RepositoryRecord> CreateRepositoryAsync(RepositoryCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        IdentifierRules.EnsureRepositoryId(creation.Id, "name");
        IdentifierRules.EnsureBranchId(creation.DefaultBranchId, "default_branch");
        if (string.IsNullOrEmpty(creation.StorageNamespace))
        {
            throw TarnException.Invalid($"argument storage_namespace: {IdentifierRules.RequiredValueMessage}");
        }

        var key = RefKeys.Key(RefKeys.RepositoriesPrefix, creation.Id);
        _repositories.Invalidate(creation.Id);
        if (await _kv.GetAsync(RefKeys.GravelerPartition, key, cancellationToken) is not null)
        {
            throw RefErrors.RepositoryExists();
        }

        var now = _time.GetUtcNow();
        var repository = new RepositoryRecord(
            creation.Id, creation.StorageNamespace, creation.DefaultBranchId, now, RepositoryState.Active, NewInstanceUid(), creation.ReadOnly);
        if (!creation.Bare)
        {
            var root = CommitRecord.Create("", RepositoryCreation.InitialCommitMessage, MetaRangeId.Empty, now, null, [], generation: 1);
            await StoreCommitAsync(repository, root, cancellationToken);
            await CreateBranchAsync(repository, creation.DefaultBranchId, root.Id, cancellationToken);
        }

        if (!await _kv.SetIfAsync(RefKeys.GravelerPartition, key, RefRecordCodec.Encode(repository), KvPredicate.Absent, cancellationToken))
        {
            // Lost the race: our instance partition is unreachable; remove it rather than leak it.
            await DeleteInstanceDataAsync(repository, cancellationToken);
            throw RefErrors.RepositoryExists();
        }

        return repository;
    }

    /// <summary>The repository record in any state, or null.</summary>
    public async ValueTask<RepositoryRecord?> TryGetRepositoryAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(repositoryId))
        {
            return null;
        }

        if (_repositories.TryGet(repositoryId, out var cached))
        {
            return cached;
        }

        var entry = await _kv.GetAsync(RefKeys.GravelerPartition, RefKeys.Key(RefKeys.RepositoriesPrefix, repositoryId), cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var repository = RefRecordCodec.DecodeRepository(entry.Value);
        _repositories.Add(repository);
        return repository;
    }

    /// <summary>An active repository; 404 <c>repository not found</c>, 410 <c>repository in deletion</c>.</summary>
    public async ValueTask<RepositoryRecord> GetRepositoryAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await TryGetRepositoryAsync(repositoryId, cancellationToken) ?? throw RefErrors.RepositoryNotFound();
        return repository.State == RepositoryState.InDeletion ? throw RefErrors.RepositoryInDeletion() : repository;
    }

    /// <summary>Active repositories ordered by ID bytes; repositories being deleted are hidden.</summary>
    public ValueTask<Page<RepositoryRecord>> ListRepositoriesAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        KvPaging.ReadPageAsync(
            _kv,
            RefKeys.GravelerPartition,
            RefKeys.RepositoriesPrefix,
            request,
            entry =>
            {
                var repository = RefRecordCodec.DecodeRepository(entry.Value);
                return repository.State == RepositoryState.Active ? repository : null;
            },
            r => r.Id,
            cancellationToken);

    /// <summary>
    /// Deletes a repository: marks it in deletion (so readers get 410 at once), removes everything in its
    /// instance partition (handing its staging tokens to the sweeper), then the record. A deletion that
    /// was interrupted is finished by calling this again.
    /// </summary>
    public async ValueTask DeleteRepositoryAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var key = RefKeys.Key(RefKeys.RepositoriesPrefix, repositoryId);
        _repositories.Invalidate(repositoryId);
        for (var attempt = 1; attempt <= DefaultCasAttempts; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken);
            var entry = await _kv.GetAsync(RefKeys.GravelerPartition, key, cancellationToken) ?? throw RefErrors.RepositoryNotFound();
            var repository = RefRecordCodec.DecodeRepository(entry.Value);
            if (repository.State == RepositoryState.Active)
            {
                var marked = repository with { State = RepositoryState.InDeletion };
                if (!await _kv.SetIfAsync(RefKeys.GravelerPartition, key, RefRecordCodec.Encode(marked), KvPredicate.ValueIs(entry.Value), cancellationToken))
                {
                    // Someone else changed the record meanwhile; start over from what is there now.
                    continue;
                }

                _repositories.Invalidate(repositoryId);
            }

            await DeleteInstanceDataAsync(repository, cancellationToken);
            await _kv.DeleteAsync(RefKeys.GravelerPartition, key, cancellationToken);
            // Again: a reader may have cached the record between the mark and the delete.
            _repositories.Invalidate(repositoryId);
            return;
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>The repository's metadata map (<c>{}</c> when none).</summary>
    public async ValueTask<IReadOnlyDictionary<string, string>> GetRepositoryMetadataAsync(RepositoryRecord repository, CancellationToken cancellationToken = default)
    {
        var entry = await _kv.GetAsync(repository.Partition, RefKeys.Key(RefKeys.RepositoryMetadataKey), cancellationToken);
        return entry is null ? new Dictionary<string, string>() : RefRecordCodec.DecodeMetadata(entry.Value);
    }

    /// <summary>
    /// Changes the metadata map by compare-and-swap with retries. <paramref name="mutate"/> edits a copy
    /// and returns whether it changed anything (nothing is written otherwise). 423 when contention persists.
    /// </summary>
    public async ValueTask UpdateRepositoryMetadataAsync(
        RepositoryRecord repository, Func<Dictionary<string, string>, bool> mutate, CancellationToken cancellationToken = default)
    {
        var key = RefKeys.Key(RefKeys.RepositoryMetadataKey);
        for (var attempt = 1; attempt <= DefaultCasAttempts; attempt++)
        {
            await BackoffAsync(attempt, cancellationToken);
            var entry = await _kv.GetAsync(repository.Partition, key, cancellationToken);
            var map = entry is null ? new Dictionary<string, string>(StringComparer.Ordinal) : RefRecordCodec.DecodeMetadata(entry.Value);
            if (!mutate(map))
            {
                return;
            }

            var predicate = entry is null ? KvPredicate.Absent : KvPredicate.ValueIs(entry.Value);
            if (await _kv.SetIfAsync(repository.Partition, key, RefRecordCodec.EncodeMetadata(map), predicate, cancellationToken))
            {
                return;
            }
        }

        throw RefErrors.TooManyAttempts();
    }

    private async ValueTask DeleteInstanceDataAsync(RepositoryRecord repository, CancellationToken cancellationToken)
    {
        var tokens = new List<StagingToken>();
        var keys = new List<byte[]>();
        var branchPrefix = RefKeys.Key(RefKeys.BranchesPrefix);
        await foreach (var entry in _kv.ScanAsync(repository.Partition, ReadOnlyMemory<byte>.Empty, cancellationToken))
        {
            keys.Add(entry.Key);
            if (entry.Key.AsSpan().StartsWith(branchPrefix))
            {
                tokens.AddRange(RefRecordCodec.DecodeBranch(entry.Value).AllTokens());
            }
        }

        // Tokens first: once the branch keys are gone nothing would remember them.
        await _staging.DropTokensAsync(tokens, cancellationToken);
        foreach (var key in keys)
        {
            await _kv.DeleteAsync(repository.Partition, key, cancellationToken);
        }
    }

    private static string NewInstanceUid() => Guid.NewGuid().ToString("N")[..20];
}
