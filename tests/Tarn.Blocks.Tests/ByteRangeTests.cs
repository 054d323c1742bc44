using Tarn.Core;

namespace Tarn.Blocks.Tests;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 0L, 9L, null)]
    [InlineData("bytes=5-", 5L, null, null)]
    [InlineData("bytes=-7", null, null, 7L)]
    [InlineData("BYTES= 1-2 ", 1L, 2L, null)]
    public void Parses_single_range_headers(string header, long? start, long? end, long? suffix)
    {
        Assert.True(ByteRange.TryParseHeader(header, out var range));

        Assert.Equal(start, range.Start);
        Assert.Equal(end, range.End);
        Assert.Equal(suffix, range.SuffixLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=9-1")]
    [InlineData("bytes=0-1,3-4")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=-1-2")]
    [InlineData("items=0-1")]
    public void Ignores_headers_it_cannot_serve(string? header)
    {
        Assert.False(ByteRange.TryParseHeader(header, out _));
    }

    [Fact]
    public void Resolves_against_the_object_size()
    {
        Assert.Equal((0L, 1L), ByteRange.FromTo(0, 0).Resolve(10));
        Assert.Equal((9L, 1L), ByteRange.FromTo(9, 100).Resolve(10));
        Assert.Equal((4L, 6L), ByteRange.FromTo(4).Resolve(10));
        Assert.Equal((7L, 3L), ByteRange.Suffix(3).Resolve(10));
        Assert.Equal((0L, 10L), ByteRange.Suffix(30).Resolve(10));
    }

    [Fact]
    public void Ranges_selecting_nothing_are_not_satisfiable()
    {
        Assert.Throws<RangeNotSatisfiableException>(() => ByteRange.FromTo(10).Resolve(10));
        Assert.Throws<RangeNotSatisfiableException>(() => ByteRange.Suffix(0).Resolve(10));
        Assert.Throws<RangeNotSatisfiableException>(() => ByteRange.Suffix(1).Resolve(0));
        Assert.Throws<RangeNotSatisfiableException>(() => ByteRange.FromTo(0, 0).Resolve(0));
    }

    [Fact]
    public void Malformed_ranges_cannot_be_built()
    {
        Assert.Equal(ErrorKind.InvalidArgument, Assert.ThrowsAny<TarnException>(() => ByteRange.FromTo(-1)).Kind);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.ThrowsAny<TarnException>(() => ByteRange.FromTo(5, 4)).Kind);
        Assert.Equal(ErrorKind.InvalidArgument, Assert.ThrowsAny<TarnException>(() => ByteRange.Suffix(-1)).Kind);
    }
}
