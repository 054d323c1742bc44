using System.Text;

namespace Tarn.Kv.Tests;

/// <summary>
/// The behaviour every <see cref="IKvStore"/> must have. Each store gets a derived class that says how
/// to make a fresh, empty store; the tests themselves are shared, so the drivers cannot drift apart.
/// </summary>
public abstract partial class KvStoreContract : IAsyncDisposable
{
    private readonly List<IKvStore> _stores = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store. The contract disposes it at the end of the test.</summary>
    protected abstract ValueTask<IKvStore> CreateStoreAsync();

    /// <summary>Releases what the derived class made (files, tables) after the stores are disposed.</summary>
    protected virtual ValueTask CleanupAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Get_of_a_missing_key_returns_null()
    {
        var store = await NewStoreAsync();
        Assert.Null(await store.GetAsync("p", B("missing"), Ct));
    }

    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("v"), Ct);

        var entry = await store.GetAsync("p", B("k"), Ct);

        Assert.NotNull(entry);
        Assert.Equal(B("k"), entry.Key);
        Assert.Equal(B("v"), entry.Value);
    }

    [Fact]
    public async Task Set_overwrites_the_previous_value()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("first"), Ct);
        await store.SetAsync("p", B("k"), B("second"), Ct);

        Assert.Equal(B("second"), (await store.GetAsync("p", B("k"), Ct))!.Value);
        Assert.Single(await ScanAllAsync(store, "p"));
    }

    [Fact]
    public async Task An_empty_value_is_a_value_not_an_absence()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), Array.Empty<byte>(), Ct);

        var entry = await store.GetAsync("p", B("k"), Ct);

        Assert.NotNull(entry);
        Assert.Empty(entry.Value);
        Assert.False(await store.SetIfAsync("p", B("k"), B("x"), KvPredicate.Absent, Ct));
        Assert.True(await store.SetIfAsync("p", B("k"), B("x"), KvPredicate.ValueIs(Array.Empty<byte>()), Ct));
    }

    [Fact]
    public async Task Delete_removes_the_key()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("v"), Ct);
        await store.SetAsync("p", B("other"), B("v"), Ct);

        await store.DeleteAsync("p", B("k"), Ct);

        Assert.Null(await store.GetAsync("p", B("k"), Ct));
        Assert.NotNull(await store.GetAsync("p", B("other"), Ct));
    }

    [Fact]
    public async Task Delete_of_a_missing_key_is_not_an_error()
    {
        var store = await NewStoreAsync();
        await store.DeleteAsync("p", B("never-there"), Ct);
        await store.DeleteAsync("empty-partition", B("k"), Ct);
        Assert.Null(await store.GetAsync("p", B("never-there"), Ct));
    }

    [Fact]
    public async Task Partitions_are_isolated()
    {
        var store = await NewStoreAsync();
        // "p" is a prefix of "p1": a store that matched partitions by prefix would leak between them.
        foreach (var partition in new[] { "p", "p1", "p/ü" })
        {
            await store.SetAsync(partition, B("k"), B($"value of {partition}"), Ct);
        }

        await store.SetAsync("p1", B("only-in-p1"), B("x"), Ct);
        await store.DeleteAsync("p/ü", B("k"), Ct);

        Assert.Equal(B("value of p"), (await store.GetAsync("p", B("k"), Ct))!.Value);
        Assert.Equal(B("value of p1"), (await store.GetAsync("p1", B("k"), Ct))!.Value);
        Assert.Null(await store.GetAsync("p/ü", B("k"), Ct));
        Assert.Null(await store.GetAsync("p", B("only-in-p1"), Ct));
        Assert.Equal([B("k")], (await ScanAllAsync(store, "p")).Select(e => e.Key));
        Assert.Equal([B("k"), B("only-in-p1")], (await ScanAllAsync(store, "p1")).Select(e => e.Key));
    }

    [Fact]
    public async Task SetIf_absent_succeeds_once_then_fails()
    {
        var store = await NewStoreAsync();

        Assert.True(await store.SetIfAsync("p", B("k"), B("first"), KvPredicate.Absent, Ct));
        Assert.False(await store.SetIfAsync("p", B("k"), B("second"), KvPredicate.Absent, Ct));

        Assert.Equal(B("first"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task SetIf_absent_succeeds_again_after_a_delete()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("old"), Ct);
        await store.DeleteAsync("p", B("k"), Ct);

        Assert.True(await store.SetIfAsync("p", B("k"), B("new"), KvPredicate.Absent, Ct));
        Assert.Equal(B("new"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task SetIf_value_with_the_current_value_succeeds()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("v1"), Ct);

        Assert.True(await store.SetIfAsync("p", B("k"), B("v2"), KvPredicate.ValueIs(B("v1")), Ct));

        Assert.Equal(B("v2"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task SetIf_value_with_a_stale_value_fails_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("k"), B("v1"), Ct);
        await store.SetAsync("p", B("k"), B("v2"), Ct);

        Assert.False(await store.SetIfAsync("p", B("k"), B("v3"), KvPredicate.ValueIs(B("v1")), Ct));
        // A prefix of the current value is a different value.
        Assert.False(await store.SetIfAsync("p", B("k"), B("v3"), KvPredicate.ValueIs(B("v")), Ct));

        Assert.Equal(B("v2"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task SetIf_value_on_a_missing_key_fails_and_writes_nothing()
    {
        var store = await NewStoreAsync();

        Assert.False(await store.SetIfAsync("p", B("k"), B("v"), KvPredicate.ValueIs(B("anything")), Ct));
        Assert.False(await store.SetIfAsync("p", B("k"), B("v"), KvPredicate.ValueIs(Array.Empty<byte>()), Ct));

        Assert.Null(await store.GetAsync("p", B("k"), Ct));
    }

    [Fact]
    public async Task Stored_and_returned_bytes_are_copies()
    {
        var store = await NewStoreAsync();
        var key = B("k");
        var value = B("value");
        await store.SetAsync("p", key, value, Ct);
        value[0] = (byte)'X';
        key[0] = (byte)'X';

        var entry = await store.GetAsync("p", B("k"), Ct);
        entry!.Value[0] = (byte)'Y';

        Assert.Equal(B("value"), (await store.GetAsync("p", B("k"), Ct))!.Value);
    }

    [Fact]
    public async Task Large_values_round_trip()
    {
        var store = await NewStoreAsync();
        var first = RandomBytes(1024 * 1024, seed: 1);
        var second = RandomBytes(1024 * 1024, seed: 2);
        await store.SetAsync("p", B("big"), first, Ct);

        AssertSameBytes(first, (await store.GetAsync("p", B("big"), Ct))!.Value);
        Assert.True(await store.SetIfAsync("p", B("big"), second, KvPredicate.ValueIs(first), Ct));
        Assert.False(await store.SetIfAsync("p", B("big"), first, KvPredicate.ValueIs(first), Ct));
        AssertSameBytes(second, Assert.Single(await ScanAllAsync(store, "p")).Value);
    }

    /// <summary>A fresh store that the contract disposes at the end of the test.</summary>
    protected async ValueTask<IKvStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    protected static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Byte equality without xunit's element-by-element diff, which is slow on megabytes.</summary>
    protected static void AssertSameBytes(byte[] expected, byte[] actual) =>
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"expected {expected.Length} bytes, got {actual.Length} different ones");

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<List<KvEntry>> ScanAllAsync(IKvStore store, string partition, byte[]? from = null)
    {
        var entries = new List<KvEntry>();
        await foreach (var entry in store.ScanAsync(partition, from ?? [], Ct))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Writes <c>key-0000 … key-{count-1}</c> with many writers at once (fast on group-commit stores).</summary>
    protected static async Task FillAsync(IKvStore store, string partition, int count)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = Ct },
            async (i, ct) => await store.SetAsync(partition, NumberedKey(i), B($"value-{i}"), ct));
    }

    protected static byte[] NumberedKey(int i) => B($"key-{i:D4}");
}
