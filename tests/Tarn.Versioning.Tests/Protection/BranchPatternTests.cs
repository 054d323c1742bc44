using Tarn.Core;
using Tarn.Versioning.Protection;

namespace Tarn.Versioning.Tests.Protection;

public sealed class BranchPatternTests
{
    [Theory]
    [InlineData("main", "main", true)]
    [InlineData("main", "main2", false)]
    [InlineData("main", "xmain", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "any/thing", true)]
    [InlineData("release-*", "release-1.2", true)]
    [InlineData("release-*", "release", false)]
    [InlineData("v?", "v1", true)]
    [InlineData("v?", "v12", false)]
    [InlineData("[abc]x", "bx", true)]
    [InlineData("[abc]x", "dx", false)]
    [InlineData("[a-c]x", "cx", true)]
    [InlineData("[!a-c]x", "cx", false)]
    [InlineData("[!a-c]x", "dx", true)]
    [InlineData("{main,dev}", "dev", true)]
    [InlineData("{main,dev}", "main", true)]
    [InlineData("{main,dev}", "test", false)]
    [InlineData("{feat-*,fix-?}", "feat-anything", true)]
    [InlineData("{feat-*,fix-?}", "fix-12", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("(x|y)", "(x|y)", true)]
    [InlineData("a+", "aa", false)]
    public void Globs_match_whole_branch_names(string pattern, string branch, bool matches) =>
        Assert.Equal(matches, BranchPattern.Parse(pattern).Matches(branch));

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[abc")]
    [InlineData("{a,b")]
    [InlineData("a}")]
    [InlineData("]")]
    [InlineData("a\\")]
    [InlineData("[z-a]")]
    public void Invalid_patterns_are_400s(string pattern)
    {
        var error = Assert.Throws<TarnException>(() => BranchPattern.Parse(pattern));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    public static TheoryData<string> OversizedPatterns =>
    [
        new string('a', BranchPattern.MaxLength + 1),
        new string('x', 2_000),
        string.Concat(Enumerable.Repeat("*a", 1_000)),
        string.Concat(Enumerable.Repeat("{a,b}", 1_000)),
    ];

    [Theory]
    [MemberData(nameof(OversizedPatterns))]
    public void Patterns_longer_than_the_bound_are_400s(string pattern)
    {
        var error = Assert.Throws<TarnException>(() => BranchPattern.Parse(pattern));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void The_most_complex_patterns_within_the_bound_compile_or_are_400s()
    {
        // Every 256-character pattern either compiles or is refused as a 400; the engine never throws past us.
        string[] worst =
        [
            string.Concat(Enumerable.Repeat("*a", BranchPattern.MaxLength / 2)),
            string.Concat(Enumerable.Repeat("?", BranchPattern.MaxLength)),
            string.Concat(Enumerable.Repeat("{a,*}", BranchPattern.MaxLength / 5)),
            string.Concat(Enumerable.Repeat("[!a]*", BranchPattern.MaxLength / 5)),
        ];
        foreach (var pattern in worst)
        {
            try
            {
                _ = BranchPattern.Parse(pattern).Matches(new string('a', 200) + "b");
            }
            catch (TarnException e)
            {
                Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            }
        }
    }
}
