using Tarn.Core;

namespace Tarn.Blocks.Tests;

public sealed class StorageNamespaceTests
{
    [Theory]
    [InlineData("local://my-repo", "local", "my-repo", "", "local://my-repo")]
    [InlineData("local://my-repo/prefix", "local", "my-repo", "prefix", "local://my-repo/prefix")]
    [InlineData("s3://bucket/path/to/", "s3", "bucket", "path/to", "s3://bucket/path/to")]
    [InlineData("S3://bucket/", "s3", "bucket", "", "s3://bucket")]
    [InlineData("mem://x", "mem", "x", "", "mem://x")]
    [InlineData("gs://b/a//", "gs", "b", "a", "gs://b/a")]
    public void Parses_scheme_root_and_prefix(string text, string scheme, string root, string prefix, string canonical)
    {
        var parsed = StorageNamespace.Parse(text);

        Assert.Equal(scheme, parsed.Scheme);
        Assert.Equal(root, parsed.Root);
        Assert.Equal(prefix, parsed.Prefix);
        Assert.Equal(canonical, parsed.Canonical);
        Assert.Equal(canonical, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("my-repo")]
    [InlineData("://bucket")]
    [InlineData("1s3://bucket")]
    [InlineData("s_3://bucket")]
    [InlineData("s3://")]
    [InlineData("s3:///path")]
    [InlineData("local://a\0b")]
    [InlineData("local://a\\b")]
    [InlineData("s3://bucket/p?x=1")]
    [InlineData("s3://bucket/p#frag")]
    public void Refuses_malformed_namespaces_as_invalid_arguments(string text)
    {
        var error = Assert.ThrowsAny<TarnException>(() => StorageNamespace.Parse(text));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain('\0', error.Message);
        Assert.False(StorageNamespace.TryParse(text, null, out _));
    }

    [Fact]
    public void Trailing_slashes_and_scheme_case_do_not_change_identity()
    {
        Assert.Equal(StorageNamespace.Parse("s3://b/p/"), StorageNamespace.Parse("S3://b/p"));
        Assert.Equal(StorageNamespace.Parse("s3://b/p/").GetHashCode(), StorageNamespace.Parse("s3://b/p").GetHashCode());
        Assert.NotEqual(StorageNamespace.Parse("s3://b/p"), StorageNamespace.Parse("s3://b/q"));
    }

    [Fact]
    public void Addresses_inside_the_namespace_join_with_one_slash()
    {
        Assert.Equal("s3://bucket/repos/r1/data/a/b", StorageNamespace.Parse("s3://bucket/repos/r1/").AddressOf("data/a/b"));
    }

    [Fact]
    public void Is_parsable_through_the_generic_interface()
    {
        Assert.Equal("mem://x", Parse<StorageNamespace>("mem://x/").Canonical);

        static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);
    }
}
