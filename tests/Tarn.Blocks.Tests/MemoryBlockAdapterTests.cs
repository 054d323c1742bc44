using Tarn.Blocks.Memory;

namespace Tarn.Blocks.Tests;

/// <summary>The contract for the in-memory store, plus what only it has (an injectable clock).</summary>
public sealed class MemoryBlockAdapterTests : BlockAdapterContract
{
    private readonly FixedTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override IBlockAdapter CreateAdapter() => new MemoryBlockAdapter(_clock);

    [Fact]
    public async Task Modification_times_come_from_the_injected_clock()
    {
        var moment = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _clock.Now = moment;

        var written = await PutAsync("k", [1]);

        Assert.Equal(moment, written.LastModified);
        Assert.Equal(moment, (await Adapter.HeadAsync(Key("k"), Ct))!.LastModified);
    }

    [Fact]
    public void Physical_addresses_are_the_namespace_followed_by_the_key()
    {
        Assert.Equal($"{Namespace.Canonical}/data/x", Adapter.GetPhysicalAddress(Key("data/x")));
    }

    [Fact]
    public async Task Head_and_get_report_the_stored_etag()
    {
        var data = TestData.Bytes(20);
        await PutAsync("k", data);

        await using var content = await Adapter.GetAsync(Key("k"), null, Ct);

        Assert.Equal(TestData.Md5Hex(data), content.ETag);
        Assert.Equal(TestData.Md5Hex(data), (await Adapter.HeadAsync(Key("k"), Ct))!.ETag);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
