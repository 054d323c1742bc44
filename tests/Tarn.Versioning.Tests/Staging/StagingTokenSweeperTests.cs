using Tarn.Kv;
using Tarn.Versioning.Model;
using Tarn.Versioning.Staging;
using Tarn.Versioning.Tests.Refs;
using static Tarn.Versioning.Tests.Staging.StagingStoreTests;

namespace Tarn.Versioning.Tests.Staging;

public sealed class StagingTokenSweeperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Dropped_tokens_are_deleted_by_the_sweeper_only(string store)
    {
        await using var bed = new RefTestBed(store);
        var dropped = new StagingToken("dropped");
        var kept = new StagingToken("kept");
        for (var i = 0; i < 1_100; i++)
        {
            await bed.Staging.SetAsync(dropped, Key($"k{i:D5}"), Val("x"), Ct);
        }

        await bed.Staging.SetTombstoneAsync(dropped, Key("tomb"), Ct);
        await bed.Staging.SetAsync(kept, Key("k"), Val("y"), Ct);

        await bed.Staging.DropTokensAsync([dropped, dropped], Ct);
        // Dropping only marks: the data stays until the sweeper runs.
        Assert.False(await bed.Staging.IsEmptyAsync(dropped, Ct));

        var sweeper = new StagingTokenSweeper(bed.Kv, bed.Time);
        Assert.Equal(1, await sweeper.RunOnceAsync(Ct));
        Assert.True(await bed.Staging.IsEmptyAsync(dropped, Ct));
        Assert.False(await bed.Staging.IsEmptyAsync(kept, Ct));
        Assert.Equal(0, await bed.Kv.ScanAsync(StagingStore.CleanupPartition, ReadOnlyMemory<byte>.Empty, Ct).CountAsync(Ct));
        Assert.Equal(0, await sweeper.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task Background_loop_sweeps_on_each_tick_and_stops_on_cancel()
    {
        await using var bed = new RefTestBed();
        var token = new StagingToken("t");
        await bed.Staging.SetAsync(token, Key("a"), Val("a"), Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var errors = new List<Exception>();
        var loop = new StagingTokenSweeper(bed.Kv, bed.Time).RunAsync(TimeSpan.FromMinutes(1), errors.Add, stop.Token);

        await bed.Staging.DropTokensAsync([token], Ct);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await bed.Staging.IsEmptyAsync(token, Ct) && DateTime.UtcNow < deadline)
        {
            bed.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10, Ct);
        }

        Assert.True(await bed.Staging.IsEmptyAsync(token, Ct));
        await stop.CancelAsync();
        await loop;
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_failing_run_is_reported_and_the_loop_continues()
    {
        await using var kv = new FailingScanStore();
        var errors = new List<Exception>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var loop = new StagingTokenSweeper(kv, time).RunAsync(TimeSpan.FromSeconds(1), errors.Add, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (errors.Count < 2 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, Ct);
        }

        await stop.CancelAsync();
        await loop;
        Assert.True(errors.Count >= 2);
    }

    /// <summary>A store whose scans always fail, to exercise the sweeper's error path.</summary>
    private sealed class FailingScanStore : IKvStore
    {
        private readonly MemoryKvStore _inner = new();

        public ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) => _inner.GetAsync(partition, key, cancellationToken);

        public ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => _inner.SetAsync(partition, key, value, cancellationToken);

        public ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default) =>
            _inner.SetIfAsync(partition, key, value, predicate, cancellationToken);

        public ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(partition, key, cancellationToken);

        public IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, CancellationToken cancellationToken = default) =>
            throw new IOException("disk on fire");

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
