using Tarn.Blocks;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Versioning.Tests.Committed;

public sealed class RangeCacheTests
{
    private static readonly StorageNamespace Namespace = StorageNamespace.Parse("mem://cache");

    private static CacheKey Key(string id) => new(Namespace, id, RangeFileType.Range);

    [Fact]
    public async Task Evicts_least_recently_used_files_by_bytes()
    {
        var cache = new RangeCache(capacityBytes: 300);
        cache.Add(Key("a"), "A", 100);
        cache.Add(Key("b"), "B", 100);
        cache.Add(Key("c"), "C", 100);
        Assert.Equal("A", await cache.GetOrLoadAsync(Key("a"), _ => throw new InvalidOperationException("cached"), TestContext.Current.CancellationToken));

        cache.Add(Key("d"), "D", 100);

        Assert.True(cache.Contains(Key("a")));
        Assert.False(cache.Contains(Key("b")));
        Assert.True(cache.Contains(Key("c")));
        Assert.Equal(300, cache.SizeBytes);

        cache.Add(Key("huge"), "H", 301);
        Assert.False(cache.Contains(Key("huge")));
    }

    [Fact]
    public async Task Concurrent_misses_share_one_load()
    {
        var cache = new RangeCache(capacityBytes: 1000);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<(object, long)> Load(CacheKey key)
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return ("value of " + key.Id, 10);
        }

        var waiters = Enumerable.Range(0, 8).Select(_ => cache.GetOrLoadAsync(Key("x"), Load, TestContext.Current.CancellationToken).AsTask()).ToList();
        release.SetResult();
        var results = await Task.WhenAll(waiters);

        Assert.All(results, r => Assert.Equal("value of x", r));
        Assert.Equal(1, loads);
        Assert.Equal(1, cache.Loads);
        Assert.True(cache.Contains(Key("x")));
    }

    [Fact]
    public async Task A_failed_load_is_not_cached_and_can_be_retried()
    {
        var cache = new RangeCache(capacityBytes: 1000);
        await Assert.ThrowsAsync<IOException>(async () => await cache.GetOrLoadAsync(Key("x"), _ => Task.FromException<(object, long)>(new IOException("boom")), TestContext.Current.CancellationToken));
        Assert.False(cache.Contains(Key("x")));
        Assert.Equal("ok", await cache.GetOrLoadAsync(Key("x"), _ => Task.FromResult<(object, long)>(("ok", 1)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_waiter_can_stop_waiting_without_cancelling_the_shared_load()
    {
        var cache = new RangeCache(capacityBytes: 1000);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var first = cache.GetOrLoadAsync(Key("x"), async _ => { await release.Task; return ("v", 1); }, cancel.Token).AsTask();
        var second = cache.GetOrLoadAsync(Key("x"), _ => throw new InvalidOperationException("not called"), TestContext.Current.CancellationToken).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        Assert.Equal("v", await second);
    }
}
