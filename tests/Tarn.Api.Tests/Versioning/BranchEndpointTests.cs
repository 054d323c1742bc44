using System.Net;
using System.Net.Http.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>listBranches, createBranch, getBranch, deleteBranch and resetBranch over HTTP.</summary>
public sealed class BranchEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_answers_the_bare_commit_id_as_plain_text()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("br");
        await api.CreateRepositoryAsync(repo);
        var head = (await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/main", Token))).GetProperty("commit_id").GetString();

        using var response = await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches", new { name = "dev", source = "main" }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(head, await response.Content.ReadAsStringAsync(Token));

        var dev = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/dev", Token));
        Assert.Equal("dev", dev.GetProperty("id").GetString());
        Assert.Equal(head, dev.GetProperty("commit_id").GetString());
    }

    [Fact]
    public async Task Create_errors_follow_lakefs_order_and_texts()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("brerr");
        await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/branches";
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { name = "-bad", source = "main" }, Token), HttpStatusCode.BadRequest,
            "argument branch: branch id: invalid value: validation error: branch id must consist of letters, digits, underscores and dashes, and cannot start with a dash");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories/no-such-repo/branches", new { name = "x", source = "main" }, Token),
            HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { name = "x", source = "nowhere" }, Token), HttpStatusCode.NotFound, "source reference 'nowhere': not found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { name = "main", source = "main" }, Token), HttpStatusCode.Conflict, "branch already exists: not unique");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { name = "x", source = "main$" }, Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_only_repositories_need_force_for_branch_and_tag_writes()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("brro");
        await api.CreateRepositoryAsync(repo, readOnly: true);
        var url = $"api/v1/repositories/{repo}/branches";
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { name = "dev", source = "main" }, Token), HttpStatusCode.Forbidden, "read-only repository");
        using (var forced = await api.Client.PostAsJsonAsync(url, new { name = "dev", source = "main", force = true }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, forced.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync($"{url}/dev", Token), HttpStatusCode.Forbidden, "read-only repository");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"{url}/dev/commits", new { message = "m", allow_empty = true }, Token), HttpStatusCode.Forbidden, "read-only repository");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/tags", new { id = "t", @ref = "main" }, Token), HttpStatusCode.Forbidden, "read-only repository");
        using var deleted = await api.Client.DeleteAsync($"{url}/dev?force=true", Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task List_pages_branches_by_id()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("brlist");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "b1", "main");
        await api.CreateBranchAsync(repo, "b2", "main");

        var page = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches?amount=2", Token));
        Assert.Equal(["b1", "b2"], page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("b2", page.GetProperty("pagination").GetProperty("next_offset").GetString());
        var rest = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches?after=b2", Token));
        Assert.Equal(["main"], rest.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(64, rest.GetProperty("results")[0].GetProperty("commit_id").GetString()!.Length);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories/no-such-repo/branches", Token), HttpStatusCode.NotFound, "repository not found");
    }

    [Fact]
    public async Task Get_and_delete_report_unknown_and_default_branches()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("brdel");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "gone", "main");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/nope", Token), HttpStatusCode.NotFound, "branch not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/-x", Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await api.Client.DeleteAsync($"api/v1/repositories/{repo}/branches/main", Token), HttpStatusCode.BadRequest, "cannot delete repository default branch");

        using (var deleted = await api.Client.DeleteAsync($"api/v1/repositories/{repo}/branches/gone", Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync($"api/v1/repositories/{repo}/branches/gone", Token), HttpStatusCode.NotFound, "branch not found");
    }

    [Fact]
    public async Task Reset_discards_uncommitted_changes()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("brreset");
        await api.CreateRepositoryAsync(repo);
        await api.StageAsync(repo, "main", "a.txt", "one");
        await api.StageAsync(repo, "main", "dir/b.txt", "two");

        foreach (var body in new object[] { new { type = "object", path = "a.txt" }, new { type = "common_prefix", path = "dir/" } })
        {
            using var reset = await api.Client.PutAsJsonAsync($"api/v1/repositories/{repo}/branches/main", body, Token);
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/main/commits", new { message = "nothing" }, Token),
            HttpStatusCode.BadRequest, "commit: no changes");

        await api.StageAsync(repo, "main", "c.txt", "three");
        using (var resetAll = await api.Client.PutAsJsonAsync($"api/v1/repositories/{repo}/branches/main", new { type = "reset" }, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, resetAll.StatusCode);
        }

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/main/commits", new { message = "nothing" }, Token),
            HttpStatusCode.BadRequest, "commit: no changes");
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsJsonAsync($"api/v1/repositories/{repo}/branches/main", new { type = "object" }, Token),
            HttpStatusCode.BadRequest, "argument path: missing path: required value: validation error");
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsJsonAsync($"api/v1/repositories/{repo}/branches/main", new { type = "bogus" }, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsJsonAsync($"api/v1/repositories/{repo}/branches/nope", new { type = "reset" }, Token), HttpStatusCode.NotFound, "branch not found");
    }
}
