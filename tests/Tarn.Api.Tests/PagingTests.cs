using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tarn.Api.Paging;
using Tarn.Core;

namespace Tarn.Api.Tests;

/// <summary>The paging rules of docs/http-api.md, "Paging", shared by every list operation.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("-1", 100)]
    [InlineData("0", 100)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    public void Valid_amounts_bind(string? amount, int expected)
    {
        var query = PageQuery.Parse(Query(amount));
        Assert.Equal(expected, query.Amount);
    }

    [Theory]
    [InlineData("1001")]
    [InlineData("5000")]
    [InlineData("-2")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void Invalid_amounts_are_400_not_clamped(string amount)
    {
        var error = Assert.Throws<TarnException>(() => PageQuery.Parse(Query(amount)));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("amount:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_page_plus_one_has_more_and_points_at_its_last_key()
    {
        var (items, pagination) = Page.From(["a", "b", "c"], 2, s => s);
        Assert.Equal(["a", "b"], items);
        Assert.True(pagination.HasMore);
        Assert.Equal("b", pagination.NextOffset);
        Assert.Equal(2, pagination.Results);
        Assert.Equal(1000, pagination.MaxPerPage);
    }

    [Fact]
    public void A_last_page_has_no_next_offset()
    {
        var (items, pagination) = Page.From(["a"], 2, s => s);
        Assert.Single(items);
        Assert.False(pagination.HasMore);
        Assert.Equal("", pagination.NextOffset);
    }

    private static QueryCollection Query(string? amount) =>
        amount is null ? new QueryCollection() : new QueryCollection(new Dictionary<string, StringValues> { ["amount"] = amount });
}
