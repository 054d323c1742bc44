using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tarn.Api.Tests.Objects;

/// <summary>Object requests as clients send them: paths always percent-encoded in the query.</summary>
internal static class ObjectApi
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static string Objects(string repo, string reference, string path, string suffix = "") =>
        $"api/v1/repositories/{repo}/refs/{reference}/objects{suffix}?path={Uri.EscapeDataString(path)}";

    public static string BranchObjects(string repo, string branch, string path) =>
        $"api/v1/repositories/{repo}/branches/{branch}/objects?path={Uri.EscapeDataString(path)}";

    public static async Task<HttpResponseMessage> UploadRawAsync(
        HttpClient client, string repo, string branch, string path, string text, string contentType = "text/plain", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BranchObjects(repo, branch, path))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request, Token);
    }

    public static async Task<JsonElement> UploadAsync(HttpClient client, string repo, string branch, string path, string text) =>
        await ApiAssert.JsonAsync(await UploadRawAsync(client, repo, branch, path, text), HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? range = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        return await client.SendAsync(request, Token);
    }

    public static async Task<string> ReadTextAsync(HttpClient client, string repo, string reference, string path)
    {
        using var response = await client.GetAsync(Objects(repo, reference, path), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
