using Microsoft.Extensions.Time.Testing;
using Tarn.Kv;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Tests.Refs;

/// <summary>A ref store, staging store and helpers over a fresh KV store, with a fake clock.</summary>
internal sealed class RefTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly string? _directory;

    public RefTestBed(string storeKind = TestStores.Memory)
    {
        (Kv, _directory) = TestStores.Create(storeKind);
        Time = new FakeTimeProvider(Epoch);
        Staging = new StagingStore(Kv, Time);
        Refs = new RefStore(Kv, Staging, Time);
        Resolver = new RefResolver(Refs);
        Log = new CommitLog(Refs);
        MergeBase = new MergeBase(Refs);
    }

    public IKvStore Kv { get; }

    public FakeTimeProvider Time { get; }

    public StagingStore Staging { get; }

    public RefStore Refs { get; }

    public RefResolver Resolver { get; }

    public CommitLog Log { get; }

    public MergeBase MergeBase { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<RepositoryRecord> NewRepositoryAsync(string id = "repo1", bool bare = false) =>
        await Refs.CreateRepositoryAsync(new RepositoryCreation(id, $"local://{id}", Bare: bare), Ct);

    /// <summary>Stores a commit with the given parents, created <paramref name="secondsAfterEpoch"/> after <see cref="Epoch"/>.</summary>
    public async Task<CommitRecord> CommitAsync(RepositoryRecord repository, string message, double secondsAfterEpoch, params CommitRecord[] parents)
    {
        var generation = parents.Length == 0 ? 1 : parents.Max(p => p.Generation) + 1;
        var commit = CommitRecord.Create(
            "tester", message, MetaRangeId.Empty, Epoch.AddSeconds(secondsAfterEpoch), null, [.. parents.Select(p => p.Id)], generation);
        Assert.True(await Refs.StoreCommitAsync(repository, commit, Ct));
        return commit;
    }

    public async ValueTask DisposeAsync()
    {
        await Kv.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
