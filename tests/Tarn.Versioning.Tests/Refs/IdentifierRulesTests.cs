using Tarn.Core;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class IdentifierRulesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("my-repo-1", true)]
    [InlineData("0ab", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("Abc", false)]
    [InlineData("ab_c", false)]
    [InlineData("abc\n", false)]
    [InlineData("abé", false)]
    [InlineData("", false)]
    public void Repository_ids(string id, bool valid) => Assert.Equal(valid, IdentifierRules.IsRepositoryId(id));

    [Fact]
    public void Repository_id_length_is_3_to_63()
    {
        Assert.True(IdentifierRules.IsRepositoryId(new string('a', 63)));
        Assert.False(IdentifierRules.IsRepositoryId(new string('a', 64)));
    }

    [Theory]
    [InlineData("main", true)]
    [InlineData("_x", true)]
    [InlineData("a-b_C9", true)]
    [InlineData("x", true)]
    [InlineData("main\n", false)]
    [InlineData("-main", false)]
    [InlineData("a.b", false)]
    [InlineData("a/b", false)]
    [InlineData("a~1", false)]
    [InlineData("a@", false)]
    [InlineData("a$", false)]
    [InlineData("a^", false)]
    [InlineData("ümlaut", false)]
    [InlineData("٣", false)] // a Unicode digit: .NET's \d and \w would accept it
    [InlineData("", false)]
    public void Branch_ids(string id, bool valid) => Assert.Equal(valid, IdentifierRules.IsBranchId(id));

    [Fact]
    public void Branch_ids_have_no_length_limit()
    {
        Assert.True(IdentifierRules.IsBranchId(new string('b', 5000)));
    }

    [Theory]
    [InlineData("v1.0", true)]
    [InlineData("-tag", true)]
    [InlineData(".tag", true)]
    [InlineData("ta~g$@x", true)]
    [InlineData("tâg", true)]
    [InlineData("@", false)]
    [InlineData("v1.", false)]
    [InlineData("v1.lock", false)]
    [InlineData("a..b", false)]
    [InlineData("a/b", false)]
    [InlineData("a@{b", false)]
    [InlineData("a^b", false)]
    [InlineData("a:b", false)]
    [InlineData("a?b", false)]
    [InlineData("a*b", false)]
    [InlineData("a[b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a b", false)]
    [InlineData("a\tb", false)]
    [InlineData("tag\n", false)]
    [InlineData("", false)]
    public void Tag_ids(string id, bool valid) => Assert.Equal(valid, IdentifierRules.IsTagId(id));

    [Theory]
    [InlineData("main~2^2", true)]
    [InlineData("a.b/c", true)]
    [InlineData("main\n", false)]
    [InlineData("ma in", false)]
    [InlineData("main\r", false)]
    [InlineData("main\f", false)]
    [InlineData("", false)]
    public void Refs(string value, bool valid) => Assert.Equal(valid, IdentifierRules.IsRef(value));

    [Fact]
    public void Paths_are_non_empty_and_at_most_1024_utf8_bytes()
    {
        Assert.True(IdentifierRules.IsPath("/ leading//and spaces ü"));
        Assert.True(IdentifierRules.IsPath(new string('a', 1024)));
        Assert.False(IdentifierRules.IsPath(new string('a', 1025)));
        Assert.False(IdentifierRules.IsPath(new string('é', 513))); // 1026 bytes, 513 chars
        Assert.False(IdentifierRules.IsPath(""));
    }

    [Fact]
    public void Ensure_methods_use_lakefs_texts()
    {
        Assert.Equal("argument repository: repository id: invalid value: validation error",
            Assert.Throws<TarnException>(() => IdentifierRules.EnsureRepositoryId("X")).Message);
        var branch = Assert.Throws<TarnException>(() => IdentifierRules.EnsureBranchId("-x"));
        Assert.Equal(ErrorKind.InvalidArgument, branch.Kind);
        Assert.StartsWith("argument branch: branch id: invalid value: validation error", branch.Message, StringComparison.Ordinal);
        Assert.Equal("argument tag: tag id: invalid value: validation error",
            Assert.Throws<TarnException>(() => IdentifierRules.EnsureTagId("a..b")).Message);
        Assert.Equal("argument path: missing path: required value: validation error",
            Assert.Throws<TarnException>(() => IdentifierRules.EnsurePath("")).Message);
        Assert.Equal("argument ref: ref: invalid value: validation error",
            Assert.Throws<TarnException>(() => IdentifierRules.EnsureRef("a b")).Message);
    }
}
