using System.Text;

namespace Tarn.Blocks.Tests;

public sealed class Utf8OrderingTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("a", "ab")]
    [InlineData("a-", "a/")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("\uE000", "\U00010000")]
    [InlineData("\u07FF", "\u0800")]
    public void Orders_like_utf8_bytes(string lower, string higher)
    {
        Assert.True(Utf8Ordering.Instance.Compare(lower, higher) < 0);
        Assert.True(Utf8Ordering.Instance.Compare(higher, lower) > 0);
        Assert.True(Encoding.UTF8.GetBytes(lower).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(higher)) < 0);
    }

    [Fact]
    public void Equal_strings_compare_equal()
    {
        Assert.Equal(0, Utf8Ordering.Instance.Compare("same\U0001F600", "same\U0001F600"));
    }
}
