namespace Tarn.Kv.Tests;

public abstract partial class KvStoreContract
{
    // Listed in unsigned byte order: prefixes come first, 0x80 and 0xFF sort after 0x7F (a store
    // comparing signed bytes or text would put them first).
    private static readonly byte[][] OrderedKeys =
    [
        [0x00], [0x00, 0x00], [0x00, 0xFF], [0x01], [0x7F], [0x7F, 0x00], [0x7F, 0xFF],
        [0x80], [0x80, 0x00], [0xFE, 0xFF], [0xFF], [0xFF, 0x00], [0xFF, 0xFF], [0xFF, 0xFF, 0xFF],
    ];

    [Fact]
    public async Task Scan_of_an_empty_partition_yields_nothing()
    {
        var store = await NewStoreAsync();
        await store.SetAsync("other", B("k"), B("v"), Ct);

        Assert.Empty(await ScanAllAsync(store, "empty"));
    }

    [Fact]
    public async Task Scan_orders_keys_by_unsigned_bytes()
    {
        var store = await NewStoreAsync();
        foreach (var key in OrderedKeys.Reverse())
        {
            await store.SetAsync("p", key, key, Ct);
        }

        var entries = await ScanAllAsync(store, "p");

        Assert.Equal(OrderedKeys, entries.Select(e => e.Key));
        Assert.All(entries, e => Assert.Equal(e.Key, e.Value));
        Assert.Equal(OrderedKeys.Order(KeyComparer.Instance), OrderedKeys);
    }

    [Fact]
    public async Task Scan_from_a_key_starts_there_inclusive()
    {
        var store = await NewStoreAsync();
        foreach (var key in OrderedKeys)
        {
            await store.SetAsync("p", key, key, Ct);
        }

        var fromExisting = await ScanAllAsync(store, "p", [0x7F]);
        // Not stored: the scan starts at the next key up.
        var fromMissing = await ScanAllAsync(store, "p", [0x7F, 0x80]);
        var pastTheEnd = await ScanAllAsync(store, "p", [0xFF, 0xFF, 0xFF, 0x00]);

        Assert.Equal(OrderedKeys[4..], fromExisting.Select(e => e.Key));
        Assert.Equal(OrderedKeys[6..], fromMissing.Select(e => e.Key));
        Assert.Empty(pastTheEnd);
    }

    [Fact]
    public async Task Scan_across_many_batches_yields_every_entry_once_in_order()
    {
        var store = await NewStoreAsync();
        await FillAsync(store, "p", 2_500);

        var all = await ScanAllAsync(store, "p");
        var fromMiddle = await ScanAllAsync(store, "p", NumberedKey(1_234));

        Assert.Equal(Enumerable.Range(0, 2_500).Select(NumberedKey), all.Select(e => e.Key));
        Assert.Equal(B("value-2499"), all[^1].Value);
        Assert.Equal(Enumerable.Range(1_234, 1_266).Select(NumberedKey), fromMiddle.Select(e => e.Key));
    }

    [Fact]
    public async Task Scan_of_large_values_crosses_byte_bounded_batches()
    {
        var store = await NewStoreAsync();
        var values = Enumerable.Range(0, 9).Select(i => RandomBytes(1024 * 1024, seed: i)).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            await store.SetAsync("p", NumberedKey(i), values[i], Ct);
        }

        var entries = await ScanAllAsync(store, "p");

        Assert.Equal(Enumerable.Range(0, 9).Select(NumberedKey), entries.Select(e => e.Key));
        for (var i = 0; i < values.Length; i++)
        {
            AssertSameBytes(values[i], entries[i].Value);
        }
    }

    [Fact]
    public async Task Deleting_while_scanning_neither_skips_nor_repeats_entries()
    {
        // More than one scan batch (1,000 rows in the SQL stores), so the scan resumes after deletions.
        const int Count = 1_200;
        var store = await NewStoreAsync();
        await FillAsync(store, "p", Count);
        var seen = new List<byte[]>();

        await foreach (var entry in store.ScanAsync("p", ReadOnlyMemory<byte>.Empty, Ct))
        {
            seen.Add(entry.Key);
            await store.DeleteAsync("p", entry.Key, Ct);
            if (seen.Count % 300 == 0)
            {
                // Written behind the cursor: a correct scan never comes back for it.
                await store.SetAsync("p", B($"a-behind-{seen.Count}"), B("x"), Ct);
            }
        }

        Assert.Equal(Enumerable.Range(0, Count).Select(NumberedKey), seen);
        Assert.Equal(Count / 300, (await ScanAllAsync(store, "p")).Count);
    }

    [Fact]
    public async Task Scans_abandoned_early_release_their_resources()
    {
        var store = await NewStoreAsync();
        await FillAsync(store, "p", 1_500);

        // Far more abandoned scans than any pool has connections: a scan that kept one would starve.
        for (var round = 0; round < 30; round++)
        {
            var taken = 0;
            await foreach (var entry in store.ScanAsync("p", NumberedKey(round), Ct))
            {
                Assert.Equal(NumberedKey(round + taken), entry.Key);
                if (++taken == 3)
                {
                    break;
                }
            }
        }

        Assert.NotNull(await store.GetAsync("p", NumberedKey(1_499), Ct));
        await store.SetAsync("p", B("after"), B("v"), Ct);
    }
}
