using System.Buffers.Binary;

namespace Tarn.Kv.Tests;

public abstract partial class KvStoreContract
{
    [Fact]
    public async Task Concurrent_compare_and_swap_increments_lose_no_update()
    {
        const int Workers = 64;
        const int IncrementsEach = 4;
        var store = await NewStoreAsync();
        var key = B("counter");

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < IncrementsEach;)
            {
                var current = await store.GetAsync("p", key, Ct);
                var next = (current is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(current.Value)) + 1;
                var predicate = current is null ? KvPredicate.Absent : KvPredicate.ValueIs(current.Value);
                if (await store.SetIfAsync("p", key, Counter(next), predicate, Ct))
                {
                    done++;
                }
            }
        }, Ct)));

        var final = await store.GetAsync("p", key, Ct);
        Assert.Equal(Workers * IncrementsEach, BinaryPrimitives.ReadInt64BigEndian(final!.Value));
    }

    [Fact]
    public async Task Concurrent_creators_of_one_key_have_exactly_one_winner()
    {
        var store = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            store.SetIfAsync("p", B("once"), B($"creator-{i}"), KvPredicate.Absent, Ct).AsTask()));

        var winner = Assert.Single(Enumerable.Range(0, 64), i => results[i]);
        Assert.Equal(B($"creator-{winner}"), (await store.GetAsync("p", B("once"), Ct))!.Value);
    }

    [Fact]
    public async Task Concurrent_writers_of_distinct_keys_are_all_visible()
    {
        const int Workers = 64;
        const int KeysEach = 16;
        var store = await NewStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < KeysEach; i++)
            {
                var n = worker * KeysEach + i;
                await store.SetAsync("p", NumberedKey(n), B($"value-{n}"), Ct);
                // Acknowledged means readable, at once, by anyone.
                Assert.Equal(B($"value-{n}"), (await store.GetAsync("p", NumberedKey(n), Ct))!.Value);
            }
        }, Ct)));

        var entries = await ScanAllAsync(store, "p");
        Assert.Equal(Enumerable.Range(0, Workers * KeysEach).Select(NumberedKey), entries.Select(e => e.Key));
        Assert.Equal(Enumerable.Range(0, Workers * KeysEach).Select(n => B($"value-{n}")), entries.Select(e => e.Value));
    }

    [Fact]
    public async Task A_cancelled_token_fails_every_operation_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("p", B("existing"), B("v"), Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var token = cancelled.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetAsync("p", B("existing"), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SetAsync("p", B("k"), B("v"), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SetIfAsync("p", B("k"), B("v"), KvPredicate.Absent, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.DeleteAsync("p", B("existing"), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, token))
            {
            }
        });

        Assert.Null(await store.GetAsync("p", B("k"), Ct));
        Assert.NotNull(await store.GetAsync("p", B("existing"), Ct));
    }

    [Fact]
    public async Task Cancelling_during_a_scan_stops_it()
    {
        var store = await NewStoreAsync();
        await FillAsync(store, "p", 20);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, cancellation.Token))
            {
                if (++seen == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task Empty_keys_and_partitions_are_rejected()
    {
        var store = await NewStoreAsync();
        byte[] empty = [];

        foreach (var (partition, key) in new[] { ("", B("k")), (null!, B("k")), ("p", empty) })
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.GetAsync(partition, key, Ct));
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SetAsync(partition, key, B("v"), Ct));
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SetIfAsync(partition, key, B("v"), KvPredicate.Absent, Ct));
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SetIfAsync(partition, key, B("v"), KvPredicate.ValueIs(B("v")), Ct));
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.DeleteAsync(partition, key, Ct));
        }

        foreach (var partition in new[] { "", null! })
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            {
                await foreach (var _ in store.ScanAsync(partition, ReadOnlyMemory<byte>.Empty, Ct))
                {
                }
            });
        }

        Assert.Empty(await ScanAllAsync(store, "p"));
    }

    private static byte[] Counter(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
