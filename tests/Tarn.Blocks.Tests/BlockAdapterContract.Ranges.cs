namespace Tarn.Blocks.Tests;

/// <summary>Ranged reads: HTTP semantics, with ends past the object clamped and empty selections refused.</summary>
public abstract partial class BlockAdapterContract
{
    private static readonly byte[] Hundred = TestData.Bytes(100, seed: 7);

    public static TheoryData<string, long, long> SatisfiableRanges => new()
    {
        { "bytes=0-0", 0, 1 },
        { "bytes=99-99", 99, 1 },
        { "bytes=10-19", 10, 10 },
        { "bytes=90-", 90, 10 },
        { "bytes=95-500", 95, 5 },
        { "bytes=-10", 90, 10 },
        { "bytes=-1000", 0, 100 },
        { "bytes=0-99", 0, 100 },
    };

    [Theory]
    [MemberData(nameof(SatisfiableRanges))]
    public async Task A_range_reads_exactly_the_selected_bytes(string header, long offset, long length)
    {
        await PutAsync("r", Hundred);
        Assert.True(ByteRange.TryParseHeader(header, out var range));

        await using var content = await Adapter.GetAsync(Key("r"), range, Ct);
        var bytes = await TestData.ReadAllAsync(content);

        Assert.Equal(offset, content.Offset);
        Assert.Equal(length, content.Length);
        Assert.Equal(100, content.ObjectSize);
        Assert.Equal(length != 100, content.IsPartial);
        Assert.Equal(Hundred.AsSpan((int)offset, (int)length).ToArray(), bytes);
    }

    [Theory]
    [InlineData(0, 300_000)]
    [InlineData(1, 65_536)]
    [InlineData(200_000, 65_537)]
    [InlineData(299_999, 1)]
    [InlineData(5, 299_995)]
    public async Task Ranges_of_a_large_object_read_the_selected_bytes_whatever_their_size(long offset, long length)
    {
        var large = TestData.Bytes(300_000, seed: 11);
        await PutAsync("large", large);

        await using var content = await Adapter.GetAsync(Key("large"), ByteRange.FromTo(offset, offset + length - 1), Ct);

        Assert.Equal((offset, length, 300_000L), (content.Offset, content.Length, content.ObjectSize));
        Assert.Equal(large.AsSpan((int)offset, (int)length).ToArray(), await TestData.ReadAllAsync(content));
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=100-200")]
    [InlineData("bytes=-0")]
    public async Task A_range_that_selects_nothing_is_not_satisfiable(string header)
    {
        await PutAsync("r", Hundred);
        Assert.True(ByteRange.TryParseHeader(header, out var range));

        var error = await Assert.ThrowsAsync<RangeNotSatisfiableException>(() => Adapter.GetAsync(Key("r"), range, Ct));

        Assert.Equal(100, error.ObjectSize);
    }

    [Fact]
    public async Task Any_range_of_an_empty_object_is_not_satisfiable()
    {
        await PutAsync("empty", []);

        await Assert.ThrowsAsync<RangeNotSatisfiableException>(() => Adapter.GetAsync(Key("empty"), ByteRange.FromTo(0, 0), Ct));
        await Assert.ThrowsAsync<RangeNotSatisfiableException>(() => Adapter.GetAsync(Key("empty"), ByteRange.Suffix(5), Ct));
        Assert.Empty(await GetAsync(Key("empty")));
    }

    [Fact]
    public async Task A_range_of_a_missing_object_reports_gone_data()
    {
        await Assert.ThrowsAsync<BlockNotFoundException>(() => Adapter.GetAsync(Key("missing"), ByteRange.FromTo(0, 1), Ct));
    }
}
