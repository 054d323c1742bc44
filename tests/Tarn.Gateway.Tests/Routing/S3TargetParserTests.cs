using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.Tests.Routing;

public sealed class S3TargetParserTests
{
    private static readonly S3TargetParser Parser = new(new GatewayOptions { DomainNames = ["s3.local.lakefs.io"] });

    [Theory]
    [InlineData("/", null, null, null, S3TargetLevel.Service)]
    [InlineData("/repo", "repo", null, null, S3TargetLevel.Bucket)]
    [InlineData("/repo/", "repo", "", null, S3TargetLevel.Bucket)]
    [InlineData("/repo/main", "repo", "main", null, S3TargetLevel.Other)]
    [InlineData("/repo/main/", "repo", "main", "", S3TargetLevel.Other)]
    [InlineData("/repo/main/a/b", "repo", "main", "a/b", S3TargetLevel.Object)]
    [InlineData("/repo/main/a//b/", "repo", "main", "a//b/", S3TargetLevel.Object)]
    [InlineData("/repo/main/a/../b", "repo", "main", "a/../b", S3TargetLevel.Object)]
    [InlineData("/repo/main/with%20space%2Bplus+%2Fslash", "repo", "main", "with space+plus+/slash", S3TargetLevel.Object)]
    [InlineData("/repo/main/%E2%9C%93%00nul", "repo", "main", "✓\0nul", S3TargetLevel.Object)]
    public void Path_style_splits_repository_ref_and_path(string rawPath, string? repository, string? reference, string? path, S3TargetLevel level)
    {
        foreach (var host in new[] { "localhost:8000", "s3.local.lakefs.io:8000", "10.0.0.1" })
        {
            var target = Parser.Parse(host, new RawRequestTarget(rawPath, ""));

            Assert.Equal(new S3Target(repository, reference, path, VirtualHost: false), target);
            Assert.Equal(level, target.Level);
        }
    }

    [Theory]
    [InlineData("/", null, null, S3TargetLevel.Bucket)]
    [InlineData("/main", "main", null, S3TargetLevel.Other)]
    [InlineData("/main/a/b", "main", "a/b", S3TargetLevel.Object)]
    public void Virtual_host_style_takes_the_repository_from_the_host(string rawPath, string? reference, string? path, S3TargetLevel level)
    {
        var target = Parser.Parse("my-repo.s3.local.lakefs.io:8000", new RawRequestTarget(rawPath, ""));

        Assert.Equal(new S3Target("my-repo", reference, path, VirtualHost: true), target);
        Assert.Equal(level, target.Level);
    }

    [Fact]
    public void A_host_ending_in_the_domain_without_a_dot_is_path_style() =>
        Assert.False(Parser.Parse("xs3.local.lakefs.io", new RawRequestTarget("/repo/main/k", "")).VirtualHost);

    [Theory]
    [InlineData("/repo/main/%zz")]
    [InlineData("/repo/main/%E2%9C")]
    [InlineData("/repo/main/%FF")]
    public void A_malformed_escape_or_invalid_utf8_is_InvalidURI(string rawPath)
    {
        var error = Assert.Throws<S3ErrorException>(() => Parser.Parse("localhost", new RawRequestTarget(rawPath, "")));

        Assert.Equal("InvalidURI", error.Error.Code);
    }

    [Theory]
    [InlineData("/repo/main/k?uploads", "/repo/main/k", "uploads")]
    [InlineData("http://host:8000/repo/k?a=b", "/repo/k", "a=b")]
    [InlineData("http://host:8000", "/", "")]
    [InlineData("*", "/", "")]
    public void Raw_targets_split_into_path_and_query(string raw, string path, string query) =>
        Assert.Equal(new RawRequestTarget(path, query), RawRequestTarget.Parse(raw));

    [Fact]
    public void Query_values_decode_plus_as_space_but_keep_the_raw_form()
    {
        var query = S3Query.Parse("prefix=a+b%2Bc&uploads&list-type=2&empty=");

        Assert.Equal("a b+c", query.Get("prefix"));
        Assert.Equal("a+b%2Bc", query.Parameters[0].RawValue);
        Assert.True(query.Contains("uploads"));
        Assert.Equal("", query.Get("empty"));
        Assert.Null(query.Get("Prefix"));
    }
}
