using System.Net;
using System.Text.Json;

namespace Tarn.Api.Tests;

/// <summary>Assertions on lakeFS-shaped answers.</summary>
internal static class ApiAssert
{
    /// <summary>Asserts the status and the <c>{"message": ...}</c> body, and returns the message.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? message = null)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        var actual = body.RootElement.GetProperty("message").GetString()!;
        if (message is not null)
        {
            Assert.Equal(message, actual);
        }

        return actual;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
