using System.Net;
using System.Net.Http.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>Garbage-collection rules over HTTP (docs/repositories.md, "Garbage-collection rules").</summary>
public sealed class RetentionRuleEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rules_are_set_read_and_deleted_on_both_routes()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("gc");
        await api.CreateRepositoryAsync(repo);
        var settings = $"api/v1/repositories/{repo}/settings/gc_rules";
        var internalRoute = $"api/v1/repositories/{repo}/gc/rules";

        await ApiAssert.ErrorAsync(await api.Client.GetAsync(settings, Token), HttpStatusCode.NotFound, "not found");
        using (var set = await api.Client.PutAsJsonAsync(settings, new { default_retention_days = 21, branches = new[] { new { branch_id = "main", retention_days = 28 } } }, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        var rules = await ApiAssert.JsonAsync(await api.Client.GetAsync(internalRoute, Token));
        Assert.Equal(21, rules.GetProperty("default_retention_days").GetInt32());
        var branch = Assert.Single(rules.GetProperty("branches").EnumerateArray());
        Assert.Equal("main", branch.GetProperty("branch_id").GetString());
        Assert.Equal(28, branch.GetProperty("retention_days").GetInt32());

        using (var replaced = await api.Client.PostAsJsonAsync(internalRoute, new { default_retention_days = 7, branches = Array.Empty<object>() }, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        }

        var again = await ApiAssert.JsonAsync(await api.Client.GetAsync(settings, Token));
        Assert.Equal("[]", again.GetProperty("branches").GetRawText());

        using (var deleted = await api.Client.DeleteAsync(settings, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.GetAsync(internalRoute, Token), HttpStatusCode.NotFound);
        using var preflight = await api.Client.GetAsync(internalRoute + "/set_allowed", Token);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
    }

    [Fact]
    public async Task Bad_rules_and_read_only_repositories_are_refused()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("gcbad");
        await api.CreateRepositoryAsync(repo);
        var settings = $"api/v1/repositories/{repo}/settings/gc_rules";

        await ApiAssert.ErrorAsync(await api.Client.PutAsJsonAsync(settings, new { default_retention_days = -1, branches = Array.Empty<object>() }, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsJsonAsync(settings, new { default_retention_days = 1, branches = new[] { new { branch_id = "Bad Branch!", retention_days = 1 } } }, Token),
            HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.PutAsJsonAsync(settings, new { branches = Array.Empty<object>() }, Token), HttpStatusCode.BadRequest);

        var readOnly = VersioningApi.UniqueName("gcro");
        await api.CreateRepositoryAsync(readOnly, readOnly: true);
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsJsonAsync($"api/v1/repositories/{readOnly}/settings/gc_rules", new { default_retention_days = 1, branches = Array.Empty<object>() }, Token),
            HttpStatusCode.Forbidden, "read-only repository");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories/no-such-repo/settings/gc_rules", Token), HttpStatusCode.NotFound, "repository not found");
    }

    [Fact]
    public async Task Prepare_commits_writes_the_retained_commits_csv()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("gcprep");
        var created = await api.CreateRepositoryAsync(repo);
        var url = $"api/v1/repositories/{repo}/gc/prepare_commits";
        await ApiAssert.ErrorAsync(await api.Client.PostAsync(url, null, Token), HttpStatusCode.NotFound, "get gc rules: not found");

        await api.StageAsync(repo, "main", "a", "1");
        var head = await api.CommitAsync(repo, "main", "one");
        using (var set = await api.Client.PutAsJsonAsync(
            $"api/v1/repositories/{repo}/settings/gc_rules", new { default_retention_days = 7, branches = Array.Empty<object>() }, Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        var prepared = await ApiAssert.JsonAsync(await api.Client.PostAsync(url, null, Token), HttpStatusCode.Created);
        var runId = prepared.GetProperty("run_id").GetString()!;
        var storageNamespace = created.GetProperty("storage_namespace").GetString()!.TrimEnd('/');
        Assert.Equal($"{storageNamespace}/_lakefs/retention/gc/commits/run_id={runId}/commits.csv", prepared.GetProperty("gc_commits_location").GetString());
        Assert.Equal($"{storageNamespace}/_lakefs/retention/gc/addresses/", prepared.GetProperty("gc_addresses_location").GetString());

        using var anonymous = new HttpClient();
        var csv = await anonymous.GetStringAsync(prepared.GetProperty("gc_commits_presigned_url").GetString(), Token);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("commit_id,expired,metarange_id", lines[0]);
        // Both commits are kept: the HEAD, and the initial commit it superseded just now.
        Assert.Equal(2, lines.Length - 1);
        Assert.Contains($"{head.GetProperty("id").GetString()},false,{head.GetProperty("meta_range_id").GetString()}", lines);
    }
}
