using System.Text.Json;
using Tarn.Api.Contracts;
using Tarn.Api.Errors;

namespace Tarn.Api.Tests;

public sealed class JsonErrorTextTests
{
    [Theory]
    [InlineData("""{"name": 42, "storage_namespace": "local://x"}""", "invalid request body: a value of the wrong type at $.name")]
    [InlineData("""{"name": "r"}""", "storage_namespace")]
    [InlineData("""{not json""", "invalid request body: ")]
    public void Messages_keep_the_path_and_the_problem_but_name_no_dotnet_type(string body, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, TarnJson.Context.RepositoryCreation));

        var text = JsonErrorText.Describe(error);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tarn.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })] // {"name":"<FF>"}
    [InlineData(new byte[] { 0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7D })] // {"name":"\ud800"}
    public void Text_that_is_not_unicode_is_named_as_such(byte[] body)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, TarnJson.Context.RepositoryCreation));

        Assert.Equal(JsonErrorText.InvalidText + " at $.name", JsonErrorText.Describe(error));
    }

    [Fact]
    public void Missing_required_fields_are_listed_without_the_type()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{}", TarnJson.Context.RepositoryCreation));

        var text = JsonErrorText.Describe(error);

        Assert.StartsWith("invalid request body: missing required fields ", text, StringComparison.Ordinal);
        Assert.Contains("'name'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tarn", text, StringComparison.Ordinal);
    }
}
