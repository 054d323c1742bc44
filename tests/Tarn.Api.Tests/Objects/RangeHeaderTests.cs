using Tarn.Api.Objects;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Core;

namespace Tarn.Api.Tests.Objects;

public sealed class RangeHeaderTests
{
    [Theory]
    [InlineData("bytes=0-0", 0, 0, "bytes 0-0/100")]
    [InlineData("bytes=0-9", 0, 9, "bytes 0-9/100")]
    [InlineData("bytes=5-", 5, 99, "bytes 5-99/100")]
    [InlineData("bytes=-10", 90, 99, "bytes 90-99/100")]
    [InlineData("bytes=-1000", 0, 99, "bytes 0-99/100")]
    [InlineData("bytes=90-1000", 90, 99, "bytes 90-99/100")]
    [InlineData("bytes=99-99", 99, 99, "bytes 99-99/100")]
    [InlineData("bytes=0-99999999999999999999", 0, 99, "bytes 0-99/100")]
    public void A_single_range_selects_its_bytes_with_the_end_clamped(string header, long start, long end, string contentRange)
    {
        var selection = RangeHeader.Select(header, 100);

        Assert.Equal(RangeSelectionKind.Partial, selection.Kind);
        Assert.Equal((start, end), (selection.Start, selection.End));
        Assert.Equal(end - start + 1, selection.Length);
        Assert.Equal(contentRange, selection.ContentRange);
        var range = selection.ToByteRange()!.Value;
        Assert.Equal((start, end - start + 1), range.Resolve(100));
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=100-200")]
    [InlineData("bytes=99999999999999999999-")]
    [InlineData("bytes=5-3")]
    [InlineData("bytes=-0")]
    [InlineData("bytes=-")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=0-1,")]
    [InlineData("bytes=0-1 2-3")]
    [InlineData("bytes=0--1")]
    public void Ranges_it_cannot_serve_are_unsatisfiable(string header)
    {
        var selection = RangeHeader.Select(header, 100);

        Assert.Equal(RangeSelectionKind.Unsatisfiable, selection.Kind);
        Assert.Equal("bytes */100", selection.ContentRange);
        Assert.Equal(0, selection.Length);
        Assert.Throws<InvalidOperationException>(() => selection.ToByteRange());
    }

    [Theory]
    [InlineData("bytes=0-0")]
    [InlineData("bytes=-5")]
    [InlineData("bytes=0-")]
    public void Any_range_of_an_empty_object_is_unsatisfiable(string header) =>
        Assert.Equal(RangeSelectionKind.Unsatisfiable, RangeHeader.Select(header, 0).Kind);

    [Theory]
    [InlineData("bytes 0-1")]
    [InlineData("Bytes=0-1")]
    [InlineData("items=0-1")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=0-1\n")]
    [InlineData("bytes=\u0661-\u0662")] // Arabic-Indic digits: .NET's \d would match them, RE2's does not
    [InlineData("bytes=")]
    public void Malformed_headers_are_a_400_before_anything_is_looked_up(string header)
    {
        var error = Assert.Throws<TarnException>(() => RangeHeader.Validate(header));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(RangeHeader.Pattern, error.Message, StringComparison.Ordinal);
        Assert.Throws<TarnException>(() => RangeHeader.Select(header, 100));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_header_means_the_whole_object(string? header)
    {
        RangeHeader.Validate(header);
        var selection = RangeHeader.Select(header, 42);

        Assert.Equal(RangeSelectionKind.WholeObject, selection.Kind);
        Assert.Equal(42, selection.Length);
        Assert.Null(selection.ContentRange);
        Assert.Null(selection.ToByteRange());
    }

    [Fact]
    public async Task The_selected_range_reads_those_bytes_from_a_block_store()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var adapter = new MemoryBlockAdapter();
        var pointer = ObjectPointer.Relative(StorageNamespace.Parse("mem://r"), "data/x");
        var data = "0123456789"u8.ToArray();
        await adapter.PutAsync(pointer, new MemoryStream(data), data.Length, cancellationToken);

        var selection = RangeHeader.Select("bytes=-3", data.Length);
        await using var content = await adapter.GetAsync(pointer, selection.ToByteRange(), cancellationToken);
        using var read = new MemoryStream();
        await content.Data.CopyToAsync(read, cancellationToken);

        Assert.Equal("789"u8.ToArray(), read.ToArray());
    }
}
