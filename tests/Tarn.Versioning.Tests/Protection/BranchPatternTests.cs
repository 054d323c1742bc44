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

    public static TheoryData<string, string, bool> WorstCases => new()
    {
        { string.Concat(Enumerable.Repeat("*a", BranchPattern.MaxLength / 2)), new string('a', 200) + "b", false },
        { string.Concat(Enumerable.Repeat("*a", BranchPattern.MaxLength / 2)), new string('a', 200), true },
        { string.Concat(Enumerable.Repeat("?", BranchPattern.MaxLength)), new string('a', 255), false },
        { string.Concat(Enumerable.Repeat("{a,*}", BranchPattern.MaxLength / 5)), new string('a', 200) + "b", true },
        { string.Concat(Enumerable.Repeat("{a,b,*}", BranchPattern.MaxLength / 7)), new string('c', 255), true },
        { string.Concat(Enumerable.Repeat("[!a]*", BranchPattern.MaxLength / 5)), new string('a', 255), false },
    };

    /// <summary>
    /// Patterns at the bound that a backtracking or lazily built automaton pays dearly for: they compile and
    /// answer correctly, in bounded work (the regex engine once timed out on the first match of some).
    /// </summary>
    [Theory]
    [MemberData(nameof(WorstCases))]
    public void The_most_complex_patterns_within_the_bound_match_correctly(string pattern, string branch, bool matches)
    {
        var compiled = BranchPattern.Parse(pattern);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(matches, compiled.Matches(branch));
        }
    }
}
