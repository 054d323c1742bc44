using System.Net;
using System.Net.Http.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>listTags, createTag, getTag and deleteTag over HTTP.</summary>
public sealed class TagEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tags_are_created_read_listed_and_deleted()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("tag");
        await api.CreateRepositoryAsync(repo);
        var head = (await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/main", Token))).GetProperty("commit_id").GetString();

        var created = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/tags", new { id = "v1.0", @ref = "main" }, Token), HttpStatusCode.Created);
        Assert.Equal("v1.0", created.GetProperty("id").GetString());
        Assert.Equal(head, created.GetProperty("commit_id").GetString());
        await ApiAssert.JsonAsync(await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/tags", new { id = "v2", @ref = head }, Token), HttpStatusCode.Created);

        var fetched = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/tags/v1.0", Token));
        Assert.Equal(created.GetRawText(), fetched.GetRawText());
        var listed = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/tags?amount=1", Token));
        Assert.Equal("v1.0", listed.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.True(listed.GetProperty("pagination").GetProperty("has_more").GetBoolean());

        using (var deleted = await api.Client.DeleteAsync($"api/v1/repositories/{repo}/tags/v1.0", Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/tags/v1.0", Token), HttpStatusCode.NotFound, "tag not found");
        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync($"api/v1/repositories/{repo}/tags/v1.0", Token), HttpStatusCode.NotFound, "tag not found");
    }

    [Fact]
    public async Task Create_errors_use_lakefs_texts()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("tagerr");
        await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/tags";
        await ApiAssert.JsonAsync(await api.Client.PostAsJsonAsync(url, new { id = "t", @ref = "main" }, Token), HttpStatusCode.Created);
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { id = "t", @ref = "main" }, Token), HttpStatusCode.Conflict, "tag already exists: not unique");
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { id = "main", @ref = "main" }, Token), HttpStatusCode.Conflict, "branch name main: conflict found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { id = "bad..tag", @ref = "main" }, Token), HttpStatusCode.BadRequest, "argument id: tag id: invalid value: validation error");
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { id = "u", @ref = "nowhere" }, Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories/no-such-repo/tags", new { id = "u", @ref = "main" }, Token), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/tags/a:b", Token), HttpStatusCode.BadRequest);
    }
}
