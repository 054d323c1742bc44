using Tarn.Auth.Authorization;

namespace Tarn.Auth.Tests;

public sealed class GlobTests
{
    [Theory]
    [InlineData("fs:*", "fs:ReadObject", true)]
    [InlineData("fs:Read*", "fs:ReadObject", true)]
    [InlineData("fs:Read*", "fs:ListObjects", false)]
    [InlineData("*", "", true)]
    [InlineData("fs:", "fs:", true)]
    [InlineData("fs:?eadObject", "fs:ReadObject", true)]
    [InlineData("fs:?eadObject", "fs:eadObject", false)]
    [InlineData("fs:readobject", "fs:ReadObject", false)]
    [InlineData("repository/*/object/a", "repository/r/branch/x:y/object/a", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("?", "é", true)]
    [InlineData("?", "😀", true)]
    [InlineData("??", "😀", false)]
    public void Patterns_match_as_documented(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));

    [Fact]
    public void Pathological_patterns_stay_fast()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var text = new string('a', 5000);

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(Glob.IsMatch(pattern, text));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2));
    }
}
