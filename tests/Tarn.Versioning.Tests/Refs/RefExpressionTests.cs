using Tarn.Core;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class RefExpressionTests
{
    [Fact]
    public void Plain_name_has_no_modifiers()
    {
        var parsed = RefExpression.Parse("main");
        Assert.Equal("main", parsed.Base);
        Assert.Empty(parsed.Modifiers);
    }

    [Fact]
    public void Modifiers_compose_left_to_right()
    {
        var parsed = RefExpression.Parse("main~2^2~^");
        Assert.Equal("main", parsed.Base);
        Assert.Equal(
            [new(RefModifierKind.Ancestor, 2), new(RefModifierKind.Parent, 2), new(RefModifierKind.Ancestor, 1), new(RefModifierKind.Parent, 1)],
            parsed.Modifiers);
    }

    [Fact]
    public void At_and_dollar_are_branch_views()
    {
        Assert.True(RefExpression.Parse("main@").IsCommittedOnly);
        Assert.True(RefExpression.Parse("main$").IsWithStaging);
        Assert.Equal("v1.0", RefExpression.Parse("v1.0@").Base);
    }

    [Theory]
    [InlineData("~1")]
    [InlineData("^")]
    [InlineData("main~x")]
    [InlineData("main^-1")]
    [InlineData("main~+1")]
    [InlineData("main@~1")]
    [InlineData("main~1@")]
    [InlineData("main@@")]
    [InlineData("main@x")]
    [InlineData("main$x")]
    [InlineData("main$@")]
    [InlineData("")]
    [InlineData("main ~1")]
    [InlineData("main\n")]
    public void Invalid_expressions_are_400(string expression)
    {
        var error = Assert.Throws<TarnException>(() => RefExpression.Parse(expression));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.EndsWith("ref: invalid value: validation error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_count_names_the_modifier()
    {
        Assert.Equal(
            "could not parse modifier ~x: ref: invalid value: validation error",
            Assert.Throws<TarnException>(() => RefExpression.Parse("main~x")).Message);
    }
}
