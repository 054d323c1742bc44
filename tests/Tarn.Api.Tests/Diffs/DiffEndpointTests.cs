using System.Net;
using System.Text.Json;
using Tarn.Api.Tests.Objects;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests.Diffs;

/// <summary>diffBranch and diffRefs over the loopback server (docs/diff.md).</summary>
public sealed class DiffEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Branch_diff_lists_uncommitted_changes_with_sizes()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "dbr");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "keep", "k");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "gone", "gone!");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "edit", "old");
        await api.CommitAsync(repo, "main", "base");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "edit", "newer");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "fresh", "abc");
        (await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "main", "gone"), Token)).Dispose();

        var results = await ResultsAsync(api, $"api/v1/repositories/{repo}/branches/main/diff");

        Assert.Equal(["edit changed object 5", "fresh added object 3", "gone removed object 0"], results.Select(Describe));
    }

    [Fact]
    public async Task Branch_diff_folds_common_prefixes_and_pages_past_objects_named_like_prefixes()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "dpg");
        foreach (var path in new[] { "a", "b", "b.txt", "b/x", "b/y" })
        {
            await ObjectApi.UploadAsync(api.Client, repo, "main", path, path);
        }

        var url = $"api/v1/repositories/{repo}/branches/main/diff?delimiter=/&amount=2";
        var first = await ApiAssert.JsonAsync(await api.Client.GetAsync(url, Token));
        Assert.Equal(["a", "b"], Paths(first));
        Assert.True(first.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal("b", first.GetProperty("pagination").GetProperty("next_offset").GetString());

        var second = await ApiAssert.JsonAsync(await api.Client.GetAsync(url + "&after=b", Token));
        Assert.Equal(["b.txt", "b/"], Paths(second));
        var prefix = second.GetProperty("results")[1];
        Assert.Equal("prefix_changed", prefix.GetProperty("type").GetString());
        Assert.Equal("common_prefix", prefix.GetProperty("path_type").GetString());
        Assert.False(prefix.TryGetProperty("size_bytes", out _));

        var third = await ApiAssert.JsonAsync(await api.Client.GetAsync(url + "&after=b/", Token));
        Assert.Empty(Paths(third));
        Assert.False(third.GetProperty("pagination").GetProperty("has_more").GetBoolean());

        var under = await ResultsAsync(api, $"api/v1/repositories/{repo}/branches/main/diff?prefix=b/");
        Assert.Equal(["b/x added object 3", "b/y added object 3"], under.Select(Describe));
    }

    [Fact]
    public async Task Branch_diff_of_a_missing_branch_is_404()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "dnf");
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync($"api/v1/repositories/{repo}/branches/nope/diff", Token), HttpStatusCode.NotFound, "branch not found");
    }

    [Fact]
    public async Task Refs_diff_three_dot_by_default_and_two_dot_on_request()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "drf");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "file0", "zero");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "file1", "one");
        await api.CommitAsync(repo, "main", "base");
        await api.CreateBranchAsync(repo, "feature", "main");
        await ObjectApi.UploadAsync(api.Client, repo, "feature", "file0", "zero-changed");
        (await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "feature", "file1"), Token)).Dispose();
        await ObjectApi.UploadAsync(api.Client, repo, "feature", "fileX", "x");
        await api.CommitAsync(repo, "feature", "work");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "mainOnly", "m");
        await api.CommitAsync(repo, "main", "main work");

        var threeDot = await ResultsAsync(api, $"api/v1/repositories/{repo}/refs/main/diff/feature");
        Assert.Equal(["file0 changed object 12", "file1 removed object 3", "fileX added object 1"], threeDot.Select(Describe));

        var twoDot = await ResultsAsync(api, $"api/v1/repositories/{repo}/refs/main/diff/feature?type=two_dot");
        Assert.Equal(
            ["file0 changed object 12", "file1 removed object 3", "fileX added object 1", "mainOnly removed object 1"], twoDot.Select(Describe));
    }

    [Fact]
    public async Task Refs_diff_rejects_unknown_types_and_unknown_refs()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "der");
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/diff/main?type=one_dot", Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/diff/nope", Token), HttpStatusCode.NotFound);
    }

    private static async Task<List<JsonElement>> ResultsAsync(VersioningApi api, string url)
    {
        var body = await ApiAssert.JsonAsync(await api.Client.GetAsync(url, Token));
        return [.. body.GetProperty("results").EnumerateArray()];
    }

    private static List<string> Paths(JsonElement body) =>
        [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()!)];

    private static string Describe(JsonElement diff) =>
        $"{diff.GetProperty("path").GetString()} {diff.GetProperty("type").GetString()} {diff.GetProperty("path_type").GetString()} {diff.GetProperty("size_bytes").GetInt64()}";

    private static async Task<string> NewRepoAsync(VersioningApi api, string stem)
    {
        var repo = VersioningApi.UniqueName(stem);
        await api.CreateRepositoryAsync(repo);
        return repo;
    }
}
