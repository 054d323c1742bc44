using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tarn.Api.Tests.Objects;

namespace Tarn.Api.Tests.Versioning;

/// <summary>
/// Branch protection over HTTP and the sample data that uses it (docs/repositories.md, "Branch protection" and "Sample
/// data").
/// </summary>
public sealed class BranchProtectionEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rules_are_set_with_if_match_and_read_back_with_an_etag()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("prot");
        await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/settings/branch_protection";

        using (var empty = await api.Client.GetAsync(url, Token))
        {
            Assert.Equal("[]", (await ApiAssert.JsonAsync(empty)).GetRawText());
            Assert.Equal("", empty.Headers.GetValues("ETag").Single());
        }

        using (var first = await PutAsync(api, url, """[{"pattern":"main"},{"pattern":"release-*"}]""", ifMatch: ""))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        string etag;
        using (var read = await api.Client.GetAsync(url, Token))
        {
            var body = await ApiAssert.JsonAsync(read);
            Assert.Equal(["main", "release-*"], body.EnumerateArray().Select(r => r.GetProperty("pattern").GetString()));
            etag = read.Headers.GetValues("ETag").Single();
            Assert.Matches("^[0-9a-f]{64}$", etag);
        }

        await ApiAssert.ErrorAsync(await PutAsync(api, url, "[]", ifMatch: ""), HttpStatusCode.PreconditionFailed, "Precondition failed");
        await ApiAssert.ErrorAsync(await PutAsync(api, url, "[]", ifMatch: "nope"), HttpStatusCode.PreconditionFailed);
        await ApiAssert.ErrorAsync(await PutAsync(api, url, """[{"pattern":"["}]""", ifMatch: null), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await PutAsync(api, url, """{"pattern":"x"}""", ifMatch: null), HttpStatusCode.BadRequest);

        // Protection applies at once: uploads and commits to main are refused, other branches are free.
        await ApiAssert.ErrorAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", "x", "y"), HttpStatusCode.Forbidden, "cannot write to protected branch");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/main/commits", new { message = "m", allow_empty = true }, Token),
            HttpStatusCode.Forbidden, "cannot commit to protected branch");
        await api.CreateBranchAsync(repo, "dev", "main");
        await ObjectApi.UploadAsync(api.Client, repo, "dev", "x", "y");

        using (var replaced = await PutAsync(api, url, "[]", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        }

        await ObjectApi.UploadAsync(api.Client, repo, "main", "x", "y");
    }

    [Fact]
    public async Task Internal_endpoints_add_delete_and_preflight_single_rules()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("iprot");
        await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/branch_protection";

        using (var added = await api.Client.PostAsJsonAsync(url, new { pattern = "ma*" }, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        }

        var rules = await ApiAssert.JsonAsync(await api.Client.GetAsync(url, Token));
        Assert.Equal("ma*", Assert.Single(rules.EnumerateArray()).GetProperty("pattern").GetString());
        using (var preflight = await api.Client.GetAsync(url + "/set_allowed", Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        }

        using (var deleted = await DeleteAsync(api, url, """{"pattern":"ma*"}"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var missing = await DeleteAsync(api, url, """{"pattern":"ma*"}""");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync(Token));
        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories/no-such-repo/branch_protection", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sample_data_is_committed_by_the_caller_and_protects_the_default_branch()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("sample");
        using (var created = await api.Client.PostAsJsonAsync(
            "api/v1/repositories", new { name = repo, storage_namespace = $"local://{repo}", sample_data = true }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var log = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits", Token));
        var head = log.GetProperty("results")[0];
        Assert.Equal("Add sample data", head.GetProperty("message").GetString());
        Assert.Equal("admin", head.GetProperty("committer").GetString());
        Assert.Contains($"`{repo}`", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "README.md"), StringComparison.Ordinal);
        Assert.StartsWith("name,country", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "lakes.csv"), StringComparison.Ordinal);

        var rules = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/settings/branch_protection", Token));
        Assert.Equal("main", Assert.Single(rules.EnumerateArray()).GetProperty("pattern").GetString());
        await ApiAssert.ErrorAsync(await ObjectApi.UploadRawAsync(api.Client, repo, "main", "x", "y"), HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PutAsync(VersioningApi api, string url, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await api.Client.SendAsync(request, Token);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(VersioningApi api, string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await api.Client.SendAsync(request, Token);
    }
}
