using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tarn.Api.Tests.Versioning;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>Body shapes the API fuzzer found answered 500: each is a 400 with a message, and changes nothing.</summary>
public sealed class MalformedBodyTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_json_body_in_another_charset_is_refused(string contentType)
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("charset");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","storage_namespace":"local://{{name}}"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsync("api/v1/repositories", content, Token), HttpStatusCode.BadRequest, "unsupported charset: JSON request bodies must be UTF-8");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{name}", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_utf8_charset_is_accepted()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("charset");
        using var content = new StringContent($$"""{"name":"{{name}}","storage_namespace":"local://{{name}}"}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsync("api/v1/repositories", content, Token)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/v1/repositories/{repo}/metadata", """{"metadata":{"a":null}}""")]
    [InlineData("DELETE", "api/v1/repositories/{repo}/metadata", """{"keys":[null]}""")]
    [InlineData("PUT", "api/v1/repositories/{repo}/settings/gc_rules", """{"default_retention_days":1,"branches":[null]}""")]
    [InlineData("POST", "api/v1/repositories/{repo}/branches/main/commits", """{"message":"m","metadata":{"a":null}}""")]
    [InlineData("POST", "api/v1/statistics", """{"events":[null]}""")]
    public async Task Null_as_a_list_item_or_map_value_is_refused(string method, string path, string body)
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("nulls");
        await api.CreateRepositoryAsync(repo);
        await api.StageAsync(repo, "main", "x", "x");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{repo}", repo, StringComparison.Ordinal))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var message = await ApiAssert.ErrorAsync(await api.Client.SendAsync(request, Token), HttpStatusCode.BadRequest);
        Assert.StartsWith("invalid request body: null is not allowed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_size_that_overflows_is_refused_where_the_permission_reads_the_body()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("chunks");
        await api.CreateRepositoryAsync(repo);

        var answer = await RawHttp.SendAsync(
            fixture.Server.BaseAddress, "POST", $"/api/v1/repositories/{repo}/branches",
            [$"Authorization: {TarnTestServer.Basic(fixture.AccessKeyId, fixture.SecretAccessKey)}", "Content-Type: application/json", "Transfer-Encoding: chunked"],
            Encoding.ASCII.GetBytes("ffffffffffffffffff\r\n{}\r\n0\r\n\r\n"), Token);

        Assert.True(answer.Status == 400, $"{answer.Status} {answer.Body}");
    }
}
