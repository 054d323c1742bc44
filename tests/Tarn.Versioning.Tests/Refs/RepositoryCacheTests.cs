using Microsoft.Extensions.Time.Testing;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Tests.Refs;

public sealed class RepositoryCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_are_served_from_cache_until_they_expire()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var kv = new MemoryKvStore();
        var refs = new RefStore(kv, new StagingStore(kv, time), time, repositoryCache: new RepositoryCache(time));
        await refs.CreateRepositoryAsync(new RepositoryCreation("repo1", "mem://a/repo1"), Ct);
        var first = await refs.GetRepositoryAsync("repo1", Ct);

        // Another process deletes the record behind this one's back: seen only after the expiry.
        await kv.DeleteAsync(RefKeys.GravelerPartition, RefKeys.Key(RefKeys.RepositoriesPrefix, "repo1"), Ct);
        Assert.Same(first, await refs.GetRepositoryAsync("repo1", Ct));
        time.Advance(RepositoryCache.DefaultExpiry);
        var error = await Assert.ThrowsAsync<TarnException>(async () => await refs.GetRepositoryAsync("repo1", Ct));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Changes_through_the_same_store_apply_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var kv = new MemoryKvStore();
        var refs = new RefStore(kv, new StagingStore(kv, time), time, repositoryCache: new RepositoryCache(time));
        await refs.CreateRepositoryAsync(new RepositoryCreation("repo1", "mem://a/repo1"), Ct);
        var first = await refs.GetRepositoryAsync("repo1", Ct);

        await refs.DeleteRepositoryAsync("repo1", Ct);
        await Assert.ThrowsAsync<TarnException>(async () => await refs.GetRepositoryAsync("repo1", Ct));
        await refs.CreateRepositoryAsync(new RepositoryCreation("repo1", "mem://b/repo1"), Ct);
        var second = await refs.GetRepositoryAsync("repo1", Ct);
        Assert.NotEqual(first.InstanceUid, second.InstanceUid);
        Assert.Equal("mem://b/repo1", second.StorageNamespace);
    }

    [Fact]
    public async Task Missing_repositories_are_not_cached()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var kv = new MemoryKvStore();
        var other = new RefStore(kv, new StagingStore(kv, time), time);
        var refs = new RefStore(kv, new StagingStore(kv, time), time, repositoryCache: new RepositoryCache(time));
        Assert.Null(await refs.TryGetRepositoryAsync("repo1", Ct));
        await other.CreateRepositoryAsync(new RepositoryCreation("repo1", "mem://a/repo1"), Ct);
        Assert.NotNull(await refs.TryGetRepositoryAsync("repo1", Ct));
    }
}
