using System.Text.RegularExpressions;
using Tarn.Auth.Secrets;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed partial class AccessKeysTests
{
    [Fact]
    public void Generated_access_key_ids_have_the_lakefs_shape()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => AccessKeys.NewAccessKeyId()).ToList();

        Assert.All(ids, id => Assert.Matches(AccessKeyIdShape(), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Generated_secrets_are_40_base64_characters_of_30_random_bytes()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => AccessKeys.NewSecretAccessKey()).ToList();

        Assert.All(secrets, s =>
        {
            Assert.Equal(40, s.Length);
            Assert.Equal(30, Convert.FromBase64String(s).Length);
        });
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData("AKIAIOSFOLQUICKSTART", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("abc", "x")]
    public void Supplied_keys_within_the_rules_are_accepted(string id, string secret) =>
        AccessKeys.Validate(new AccessKeyPair(id, secret));

    [Theory]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("AKIAIOSFOLQUICKSTART1")]
    public void Supplied_key_ids_outside_3_to_20_characters_are_refused(string id)
    {
        var error = Assert.Throws<TarnException>(() => AccessKeys.Validate(new AccessKeyPair(id, "secret")));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("invalid access key ID", error.Message);
    }

    [Fact]
    public void An_empty_supplied_secret_is_refused()
    {
        var error = Assert.Throws<TarnException>(() => AccessKeys.Validate(new AccessKeyPair("AKIAEXAMPLE", "")));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("invalid secret access key", error.Message);
    }

    [Fact]
    public void Secrets_never_appear_in_the_text_of_records_that_carry_them()
    {
        var pair = new AccessKeyPair("AKIAEXAMPLE", "very-secret-value");
        var created = new NewCredential("AKIAEXAMPLE", "very-secret-value", "alice", DateTimeOffset.UnixEpoch);
        var options = new AuthOptions { SecretKey = "master-secret-value" };

        Assert.DoesNotContain("very-secret-value", pair.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", created.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("master-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("AKIAEXAMPLE", created.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("^AKIAJ[A-Z2-7]{14}Q$")]
    private static partial Regex AccessKeyIdShape();
}
