using System.Text.Json;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>Asserts that an answer matches what the lakeFS v1.12.1 OpenAPI file documents for it.</summary>
internal static class SchemaAssert
{
    private static readonly Lazy<LakeFsSpec> Spec = new(() => LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec()));

    public static LakeFsSpec LoadSpec() => Spec.Value;

    /// <summary>
    /// The body matches the schema of <paramref name="operationId"/>'s response for the answer's status (or
    /// <paramref name="schemaStatus"/>); a response documented without a body must have none.
    /// </summary>
    public static async Task MatchesAsync(string operationId, HttpResponseMessage response, int? schemaStatus = null)
    {
        var status = schemaStatus ?? (int)response.StatusCode;
        var schema = LoadSpec().ResponseSchema(operationId, status);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (schema is null)
        {
            Assert.True(text.Length == 0, $"{operationId} {status} documents no body but got: {text}");
            return;
        }

        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        var problems = schema.Validate(body.RootElement);
        Assert.True(problems.Count == 0, $"{operationId} {status}: {string.Join("; ", problems)}\n{text}");
    }
}
