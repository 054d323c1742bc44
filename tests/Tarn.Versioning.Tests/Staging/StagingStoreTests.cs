using System.Text;
using Tarn.Versioning.Model;
using Tarn.Versioning.Staging;
using Tarn.Versioning.Tests.Refs;

namespace Tarn.Versioning.Tests.Staging;

public sealed class StagingStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Tokens_are_short_random_and_unique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => StagingStore.NewToken().Value).ToList();
        Assert.All(tokens, token => Assert.Matches("^st:[0-9a-f]{24}$", token));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Set_get_tombstone_delete(string store)
    {
        await using var bed = new RefTestBed(store);
        var token = StagingStore.NewToken();
        var value = Val("v1");

        Assert.Null(await bed.Staging.GetAsync(token, Key("a"), Ct));
        Assert.True(await bed.Staging.IsEmptyAsync(token, Ct));
        await bed.Staging.SetAsync(token, Key("a"), value, Ct);
        var read = await bed.Staging.GetAsync(token, Key("a"), Ct);
        Assert.NotNull(read?.Value);
        Assert.True(read.Value.SameIdentity(value));
        Assert.Equal(value.Data, read.Value.Data);

        await bed.Staging.SetTombstoneAsync(token, Key("a"), Ct);
        Assert.True((await bed.Staging.GetAsync(token, Key("a"), Ct))?.IsTombstone);
        await bed.Staging.DeleteAsync(token, Key("a"), Ct);
        Assert.Null(await bed.Staging.GetAsync(token, Key("a"), Ct));
    }

    [Fact]
    public async Task Set_if_absent_accepts_absent_or_tombstone_only()
    {
        await using var bed = new RefTestBed();
        var token = StagingStore.NewToken();

        Assert.True(await bed.Staging.SetIfAbsentAsync(token, Key("a"), Val("1"), Ct));
        Assert.False(await bed.Staging.SetIfAbsentAsync(token, Key("a"), Val("2"), Ct));
        await bed.Staging.SetTombstoneAsync(token, Key("a"), Ct);
        Assert.True(await bed.Staging.SetIfAbsentAsync(token, Key("a"), Val("3"), Ct));
        Assert.Equal(Val("3").Data, (await bed.Staging.GetAsync(token, Key("a"), Ct))!.Value!.Data);
    }

    [Fact]
    public async Task Concurrent_set_if_absent_has_exactly_one_winner()
    {
        await using var bed = new RefTestBed();
        var token = StagingStore.NewToken();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(async () => await bed.Staging.SetIfAbsentAsync(token, Key("race"), Val(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct), Ct)));
        Assert.Single(results, r => r);
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Iterates_one_token_in_byte_order_with_seek(string store)
    {
        await using var bed = new RefTestBed(store);
        var token = StagingStore.NewToken();
        foreach (var path in new[] { "b", "a/2", "a/1", "c", "é" })
        {
            await bed.Staging.SetAsync(token, Key(path), Val(path), Ct);
        }

        await bed.Staging.SetTombstoneAsync(token, Key("bb"), Ct);
        await using var iterator = bed.Staging.Iterate(token);
        Assert.Equal(["a/1", "a/2", "b", "bb", "c", "é"], await DrainAsync(iterator));

        iterator.SeekGE(Key("b"));
        Assert.True(await iterator.MoveNextAsync(Ct));
        Assert.Equal("b", Path(iterator.Current));
        iterator.SeekGE(Key("ba"));
        Assert.True(await iterator.MoveNextAsync(Ct));
        Assert.True(iterator.Current.IsTombstone);
        iterator.SeekGE(Key("a"));
        Assert.Equal(["a/1", "a/2", "b", "bb", "c", "é"], await DrainAsync(iterator));
        iterator.SeekGE([0xFF]); // past "é" (C3 A9): byte order, not char order
        Assert.False(await iterator.MoveNextAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Combined_iteration_lets_the_newest_token_win(string store)
    {
        await using var bed = new RefTestBed(store);
        var staging = new StagingToken("staging");
        var newer = new StagingToken("sealed-newer");
        var older = new StagingToken("sealed-older");
        await bed.Staging.SetAsync(older, Key("a"), Val("old-a"), Ct);
        await bed.Staging.SetAsync(older, Key("b"), Val("old-b"), Ct);
        await bed.Staging.SetTombstoneAsync(older, Key("c"), Ct);
        await bed.Staging.SetAsync(older, Key("e"), Val("old-e"), Ct);
        await bed.Staging.SetTombstoneAsync(newer, Key("b"), Ct);
        await bed.Staging.SetAsync(newer, Key("c"), Val("newer-c"), Ct);
        await bed.Staging.SetAsync(newer, Key("d"), Val("newer-d"), Ct);
        await bed.Staging.SetAsync(staging, Key("a"), Val("new-a"), Ct);
        await bed.Staging.SetAsync(staging, Key("d"), Val("new-d"), Ct);

        await using var combined = bed.Staging.IterateCombined([staging, newer, older]);
        var seen = new List<string>();
        while (await combined.MoveNextAsync(Ct))
        {
            var record = combined.Current;
            seen.Add(Path(record) + "=" + (record.IsTombstone ? "tombstone" : Encoding.UTF8.GetString(record.Value!.Data)));
        }

        Assert.Equal(["a=new-a", "b=tombstone", "c=newer-c", "d=new-d", "e=old-e"], seen);

        combined.SeekGE(Key("c"));
        Assert.True(await combined.MoveNextAsync(Ct));
        Assert.Equal("c", Path(combined.Current));
        Assert.True(await combined.MoveNextAsync(Ct));
        Assert.Equal("new-d", Encoding.UTF8.GetString(combined.Current.Value!.Data));

        Assert.True((await bed.Staging.GetFirstAsync([staging, newer, older], Key("b"), Ct))!.IsTombstone);
        Assert.Null(await bed.Staging.GetFirstAsync([staging, newer, older], Key("zz"), Ct));
    }

    [Fact]
    public async Task A_typical_object_entry_takes_under_300_bytes_of_kv_storage()
    {
        await using var bed = new RefTestBed();
        var token = new StagingToken("t");
        var path = Key("datasets/2024/01/02/events-part-00042.snappy.parquet"); // 51 bytes
        var value = new Value(new byte[32], new byte[150]);
        await bed.Staging.SetAsync(token, path, value, Ct);
        var stored = await bed.Kv.GetAsync(token.Value, path, Ct);
        Assert.True(stored!.Key.Length + stored.Value.Length <= 300, $"{stored.Key.Length + stored.Value.Length} bytes");
        Assert.Equal(1 + 1 + 32 + 150, stored.Value.Length);
    }

    [Fact]
    public void Corrupt_staged_values_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => StagedValueCodec.Decode([]));
        Assert.Throws<InvalidDataException>(() => StagedValueCodec.Decode([0x01, 0x20, 0x00]));
        Assert.Throws<InvalidDataException>(() => StagedValueCodec.Decode([0x07]));
        var roundTrip = StagedValueCodec.Decode(StagedValueCodec.Encode(new Value([], [1, 2])));
        Assert.Equal([1, 2], roundTrip!.Data);
    }

    internal static byte[] Key(string path) => Encoding.UTF8.GetBytes(path);

    internal static Value Val(string content) => new(System.Security.Cryptography.SHA256.HashData(Key(content)), Key(content));

    private static string Path(ValueRecord record) => Encoding.UTF8.GetString(record.Key);

    private static async Task<List<string>> DrainAsync(IValueIterator iterator)
    {
        var paths = new List<string>();
        while (await iterator.MoveNextAsync(Ct))
        {
            paths.Add(Path(iterator.Current));
        }

        return paths;
    }
}
