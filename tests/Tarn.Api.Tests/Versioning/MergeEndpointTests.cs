using System.Net;
using System.Net.Http.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>mergeIntoBranch and findMergeBase over HTTP.</summary>
public sealed class MergeEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merge_creates_a_two_parent_commit_on_the_destination()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("merge");
        await api.CreateRepositoryAsync(repo);
        var root = (await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main", Token))).GetProperty("id").GetString();
        await api.CreateBranchAsync(repo, "feature", "main");
        await api.StageAsync(repo, "feature", "f.txt", "feature");
        var source = (await api.CommitAsync(repo, "feature", "on feature")).GetProperty("id").GetString();

        // No body at all equals {}.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/repositories/{repo}/refs/feature/merge/main");
        var merged = await ApiAssert.JsonAsync(await api.Client.SendAsync(request, Token));
        var id = merged.GetProperty("reference").GetString();
        var commit = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/{id}", Token));
        Assert.Equal("Merge 'feature' into 'main'", commit.GetProperty("message").GetString());
        Assert.Equal([root, source], commit.GetProperty("parents").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("default", commit.GetProperty("metadata").GetProperty(".lakefs.merge.strategy").GetString());
        Assert.Equal(3, commit.GetProperty("generation").GetInt64());

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/feature/merge/main", new { }, Token),
            HttpStatusCode.BadRequest, "update branch main: no changes");

        var found = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/feature/merge/main", Token));
        Assert.Equal(source, found.GetProperty("source_commit_id").GetString());
        Assert.Equal(id, found.GetProperty("destination_commit_id").GetString());
        Assert.Equal(source, found.GetProperty("base_commit_id").GetString());
    }

    [Fact]
    public async Task A_commit_whose_tree_was_emptied_merges_into_a_fresh_branch_as_lakefs_does()
    {
        // The lakefs Python wrapper's own integration test: the root commit's tree is "", a tree emptied by
        // commits has the ID of an empty tree; lakeFS decides "no changes" by ID, so this merge makes a commit.
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("emptied");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "tb", "main");
        await Objects.ObjectApi.UploadAsync(api.Client, repo, "tb", "t", "data");
        await api.CommitAsync(repo, "tb", "add t");
        using (var deleted = await api.Client.DeleteAsync(Objects.ObjectApi.BranchObjects(repo, "tb", "t"), Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var emptied = (await api.CommitAsync(repo, "tb", "delete t")).GetProperty("id").GetString()!;
        await api.CreateBranchAsync(repo, "ob", "main");

        var merged = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/{emptied}/merge/ob", new { }, Token));

        var log = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/ob/commits?amount=2", Token));
        Assert.Equal(
            [merged.GetProperty("reference").GetString(), emptied],
            log.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var listing = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/ob/objects/ls", Token));
        Assert.Equal(0, listing.GetProperty("results").GetArrayLength());

        // Merging it again, or merging the branch into one just made from it, is still "no changes".
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/{emptied}/merge/ob", new { }, Token),
            HttpStatusCode.BadRequest, "update branch ob: no changes");
        await api.CreateBranchAsync(repo, "ob2", "ob");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/ob/merge/ob2", new { }, Token),
            HttpStatusCode.BadRequest, "update branch ob2: no changes");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/ob/merge/ob", new { }, Token),
            HttpStatusCode.BadRequest, "update branch ob: no changes");
    }

    [Fact]
    public async Task Conflicts_answer_409_with_an_empty_reference()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("conflict");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "other", "main");
        await api.StageAsync(repo, "main", "same.txt", "main side");
        await api.CommitAsync(repo, "main", "main side");
        await api.StageAsync(repo, "other", "same.txt", "other side");
        await api.CommitAsync(repo, "other", "other side");

        using var conflict = await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/other/merge/main", new { message = "m" }, Token);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("{\"reference\":\"\"}", await conflict.Content.ReadAsStringAsync(Token));

        var resolved = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/other/merge/main", new { strategy = "source-wins", metadata = new { k = "v" } }, Token));
        var commit = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/{resolved.GetProperty("reference").GetString()}", Token));
        Assert.Equal("source-wins", commit.GetProperty("metadata").GetProperty(".lakefs.merge.strategy").GetString());
        Assert.Equal("v", commit.GetProperty("metadata").GetProperty("k").GetString());
    }

    [Fact]
    public async Task Merge_and_merge_base_errors_use_lakefs_texts()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("mergeerr");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "dev", "main");
        var url = $"api/v1/repositories/{repo}/refs";
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync($"{url}/dev/merge/nope", new { }, Token), HttpStatusCode.NotFound, "branch not found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"{url}/nope/merge/main", new { }, Token), HttpStatusCode.NotFound, "update branch main: get commit by ref nope: not found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"{url}/dev/merge/main", new { strategy = "ours" }, Token), HttpStatusCode.BadRequest, "invalid merge strategy");
        await api.StageAsync(repo, "main", "dirty.txt", "x");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"{url}/dev/merge/main", new { }, Token), HttpStatusCode.BadRequest, "uncommitted changes (dirty branch)");

        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"{url}/nope/merge/main", Token), HttpStatusCode.NotFound, "get commit by ref nope: not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/no-such-repo/refs/dev/merge/main", Token), HttpStatusCode.NotFound, "repository not found");
    }
}
