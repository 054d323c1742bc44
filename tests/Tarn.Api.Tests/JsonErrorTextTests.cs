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
}
