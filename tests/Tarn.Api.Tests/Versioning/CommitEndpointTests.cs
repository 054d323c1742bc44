using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>commit, getCommit and logCommits over HTTP.</summary>
public sealed class CommitEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_answers_the_stored_commit_and_moves_the_branch()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("commit");
        await api.CreateRepositoryAsync(repo);
        var root = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main", Token));
        await api.StageAsync(repo, "main", "data/a.csv", "a");

        var body = new { message = "add data", metadata = new Dictionary<string, string> { ["k"] = "v" }, date = 1700000000 };
        var commit = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/main/commits", body, Token), HttpStatusCode.Created);
        Assert.Equal("add data", commit.GetProperty("message").GetString());
        Assert.Equal("admin", commit.GetProperty("committer").GetString());
        Assert.Equal(1700000000, commit.GetProperty("creation_date").GetInt64());
        Assert.Equal("v", commit.GetProperty("metadata").GetProperty("k").GetString());
        Assert.Equal([root.GetProperty("id").GetString()], commit.GetProperty("parents").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(2, commit.GetProperty("generation").GetInt64());
        Assert.Equal(1, commit.GetProperty("version").GetInt32());
        Assert.Equal(64, commit.GetProperty("meta_range_id").GetString()!.Length);

        var id = commit.GetProperty("id").GetString();
        var fetched = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/{id}", Token));
        Assert.Equal(commit.GetRawText(), fetched.GetRawText());
        var byPrefix = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main~1", Token));
        Assert.Equal(root.GetRawText(), byPrefix.GetRawText());
        var branch = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/main", Token));
        Assert.Equal(id, branch.GetProperty("commit_id").GetString());
    }

    [Fact]
    public async Task Commit_errors_use_lakefs_texts()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("commiterr");
        await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/branches/main/commits";
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { message = "m" }, Token), HttpStatusCode.BadRequest, "commit: no changes");
        var empty = await api.CommitAsync(repo, "main", "empty", allowEmpty: true);
        Assert.Equal("empty", empty.GetProperty("message").GetString());
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/nope/commits", new { message = "m" }, Token), HttpStatusCode.NotFound, "branch not found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories/no-such-repo/branches/main/commits", new { message = "m" }, Token), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { metadata = new { } }, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/{new string('a', 64)}", Token), HttpStatusCode.NotFound, "commit not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main$", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Log_pages_newest_first_with_its_filters()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("log");
        await api.CreateRepositoryAsync(repo);
        await api.StageAsync(repo, "main", "a/1", "x");
        var first = (await api.CommitAsync(repo, "main", "first")).GetProperty("id").GetString();
        await api.StageAsync(repo, "main", "b/1", "y");
        var second = (await api.CommitAsync(repo, "main", "second")).GetProperty("id").GetString();

        var all = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits", Token));
        Assert.Equal(["second", "first", "Repository created"], Messages(all));
        Assert.False(all.GetProperty("pagination").GetProperty("has_more").GetBoolean());

        var page = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?amount=1", Token));
        Assert.Equal(["second"], Messages(page));
        Assert.Equal(second, page.GetProperty("pagination").GetProperty("next_offset").GetString());
        var next = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?amount=1&after={second}", Token));
        Assert.Equal(["first"], Messages(next));

        var limited = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?amount=1&limit=true", Token));
        Assert.False(limited.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        var filtered = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?prefixes=a/", Token));
        Assert.Equal(["first"], Messages(filtered));
        var byObject = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?objects=b/1&objects=zzz", Token));
        Assert.Equal(["second"], Messages(byObject));
        var stopped = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?stop_at={first}", Token));
        Assert.Equal(["second", "first"], Messages(stopped));
        var since = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?since=2999-01-01T00:00:00Z", Token));
        Assert.Empty(Messages(since));

        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/nope/commits", Token), HttpStatusCode.NotFound, "branch ref: not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?after=nope", Token), HttpStatusCode.NotFound, "from ref: not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?amount=1001", Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?limit=maybe", Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/commits?since=yesterday", Token), HttpStatusCode.BadRequest);
    }

    private static string[] Messages(JsonElement list) =>
        [.. list.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("message").GetString()!)];
}
