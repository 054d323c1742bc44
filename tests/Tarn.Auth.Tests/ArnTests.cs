using Tarn.Auth.Authorization;

namespace Tarn.Auth.Tests;

public sealed class ArnTests
{
    private const string BasePoliciesUserArn = "arn:lakefs:auth:::user/${user}";

    [Theory]
    [InlineData("*", "anything at all", true)]
    [InlineData("arn:lakefs:fs:::repository/*", "arn:lakefs:fs:::repository/r/object/a/b", true)]
    [InlineData("arn:lakefs:fs:us-east-1::repository/r", "arn:lakefs:fs:::repository/r", true)]
    [InlineData("arn:lakefs:auth:::repository/r", "arn:lakefs:fs:::repository/r", false)]
    [InlineData("arn:lakefs:fs::123:repository/r", "arn:lakefs:fs:::repository/r", false)]
    [InlineData("arn:aws:fs:::repository/r", "arn:aws:fs:::repository/r", false)]
    [InlineData("arn:lakefs:fs:::repository/r", "*", false)]
    [InlineData("arn:lakefs:fs:::repository/r", "arn:lakefs:fs:::repository/r2", false)]
    [InlineData("arn:lakefs:fs:::repository/r?", "arn:lakefs:fs:::repository/r2", true)]
    [InlineData("arn:lakefs:fs:::repository/r/object/*", "arn:lakefs:fs:::repository/r/object/a:b:c", true)]
    public void Resources_match_by_service_account_and_resource_glob(string pattern, string resource, bool expected) =>
        Assert.Equal(expected, Arn.Matches(pattern, resource, "alice"));

    [Fact]
    public void The_user_variable_is_replaced_by_the_requesting_user()
    {
        Assert.True(Arn.Matches(BasePoliciesUserArn, Arn.User("alice"), "alice"));
        Assert.False(Arn.Matches(BasePoliciesUserArn, Arn.User("bob"), "alice"));
    }

    [Theory]
    [InlineData("a*")]
    [InlineData("*")]
    [InlineData("?????")]
    public void A_user_name_with_glob_characters_matches_only_itself(string username)
    {
        Assert.False(Arn.Matches(BasePoliciesUserArn, Arn.User("alice"), username));
        Assert.True(Arn.Matches(BasePoliciesUserArn, Arn.User(username), username));
    }

    [Fact]
    public void Builders_produce_the_documented_arns()
    {
        Assert.Equal("arn:lakefs:fs:::repository/r", Arn.Repository("r"));
        Assert.Equal("arn:lakefs:fs:::repository/r/object/p/q", Arn.Object("r", "p/q"));
        Assert.Equal("arn:lakefs:fs:::repository/r/branch/main", Arn.Branch("r", "main"));
        Assert.Equal("arn:lakefs:fs:::repository/r/tag/v1", Arn.Tag("r", "v1"));
        Assert.Equal("arn:lakefs:fs:::namespace/s3://bucket/x", Arn.StorageNamespace("s3://bucket/x"));
        Assert.Equal("arn:lakefs:auth:::group/g", Arn.Group("g"));
        Assert.Equal("arn:lakefs:auth:::policy/ACL(_-_)g", Arn.Policy("ACL(_-_)g"));
    }
}
