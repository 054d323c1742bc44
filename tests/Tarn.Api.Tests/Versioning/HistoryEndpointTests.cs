using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tarn.Api.Tests.Objects;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Api.Tests.Versioning;

/// <summary>hardResetBranch, revertBranch, cherryPick, CreateCommitRecord and the repository metadata writes over HTTP.</summary>
public sealed class HistoryEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hard_reset_moves_the_branch_head_and_refuses_bad_input()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("hardreset");
        await api.CreateRepositoryAsync(repo);
        var root = await HeadAsync(api, repo, "main");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "a.txt", "one");
        await api.CommitAsync(repo, "main", "add a");

        using var reset = await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset?ref={root}", null, Token);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(root, await HeadAsync(api, repo, "main"));

        await ApiAssert.ErrorAsync(
            await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset?ref=nosuchbranch", null, Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset", null, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/missing/hard_reset?ref={root}", null, Token), HttpStatusCode.NotFound);
        await ObjectApi.UploadAsync(api.Client, repo, "main", "dirty.txt", "dirty");
        var dirty = await ApiAssert.ErrorAsync(
            await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset?ref={root}", null, Token), HttpStatusCode.BadRequest);
        Assert.Contains("uncommitted changes (dirty branch)", dirty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hard_reset_of_a_read_only_repository_needs_force()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("hardro");
        await api.CreateRepositoryAsync(repo, readOnly: true);
        var root = await HeadAsync(api, repo, "main");

        await ApiAssert.ErrorAsync(
            await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset?ref={root}", null, Token), HttpStatusCode.Forbidden);
        using var forced = await api.Client.PutAsync($"api/v1/repositories/{repo}/branches/main/hard_reset?ref={root}&force=true", null, Token);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
    }

    [Fact]
    public async Task Revert_undoes_a_commit_with_a_new_commit()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("revert");
        await api.CreateRepositoryAsync(repo);
        await ObjectApi.UploadAsync(api.Client, repo, "main", "a.txt", "one");
        var added = (await api.CommitAsync(repo, "main", "add a")).GetProperty("id").GetString();

        using var revert = await api.Client.PostAsJsonAsync(
            $"api/v1/repositories/{repo}/branches/main/revert", new { @ref = added, parent_number = 0 }, Token);
        Assert.Equal(HttpStatusCode.NoContent, revert.StatusCode);
        Assert.Empty(await revert.Content.ReadAsByteArrayAsync(Token));

        var head = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main", Token));
        Assert.Equal($"Revert {added}", head.GetProperty("message").GetString());
        Assert.Equal([added], head.GetProperty("parents").EnumerateArray().Select(p => p.GetString()));
        using var gone = await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "a.txt"), Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Revert_reports_documented_errors()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("reverterr");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "feature", "main");
        await ObjectApi.UploadAsync(api.Client, repo, "feature", "f.txt", "feature");
        await api.CommitAsync(repo, "feature", "on feature");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "m.txt", "main");
        var onMain = (await api.CommitAsync(repo, "main", "on main")).GetProperty("id").GetString();
        var merge = await ApiAssert.JsonAsync(await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/refs/feature/merge/main", new { }, Token));
        var mergeId = merge.GetProperty("reference").GetString();
        var url = $"api/v1/repositories/{repo}/branches/main/revert";

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { @ref = mergeId, parent_number = 0 }, Token),
            HttpStatusCode.Conflict, "must specify 1-based parent number for reverting merge commit");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { @ref = mergeId, parent_number = 3 }, Token),
            HttpStatusCode.BadRequest, "given commit does not have the given parent number: parent 3");
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { @ref = onMain, parent_number = -1 }, Token), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { @ref = "nosuchref", parent_number = 0 }, Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/missing/revert", new { @ref = onMain, parent_number = 0 }, Token),
            HttpStatusCode.NotFound);

        using var byParent = await api.Client.PostAsJsonAsync(url, new { @ref = mergeId, parent_number = 1 }, Token);
        Assert.Equal(HttpStatusCode.NoContent, byParent.StatusCode);
        using var gone = await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "f.txt"), Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Cherry_pick_copies_a_commit_onto_another_branch()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("cherry");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "feature", "main");
        await ObjectApi.UploadAsync(api.Client, repo, "feature", "f.txt", "picked");
        var source = (await api.CommitAsync(repo, "feature", "pick me")).GetProperty("id").GetString();
        var head = await HeadAsync(api, repo, "main");

        var picked = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/main/cherry-pick", new { @ref = source }, Token),
            HttpStatusCode.Created);
        Assert.Equal("pick me", picked.GetProperty("message").GetString());
        Assert.Equal([head], picked.GetProperty("parents").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(source, picked.GetProperty("metadata").GetProperty("cherry-pick-origin").GetString());
        Assert.Equal(picked.GetProperty("id").GetString(), await HeadAsync(api, repo, "main"));
        Assert.Equal("picked", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "f.txt"));
    }

    [Fact]
    public async Task Cherry_pick_reports_documented_errors()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("cherryerr");
        await api.CreateRepositoryAsync(repo);
        await api.CreateBranchAsync(repo, "other", "main");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "same.txt", "main side");
        await api.CommitAsync(repo, "main", "main side");
        await ObjectApi.UploadAsync(api.Client, repo, "other", "same.txt", "other side");
        var other = (await api.CommitAsync(repo, "other", "other side")).GetProperty("id").GetString();
        var url = $"api/v1/repositories/{repo}/branches/main/cherry-pick";

        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { @ref = other }, Token), HttpStatusCode.Conflict, "update branch: conflict found");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, new { @ref = other, parent_number = 0 }, Token),
            HttpStatusCode.BadRequest, "value should be greater than 0: invalid value: validation error");
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { @ref = "nosuchref" }, Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{repo}/branches/missing/cherry-pick", new { @ref = other }, Token),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Commit_record_is_stored_verbatim_when_its_id_matches()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("record");
        await api.CreateRepositoryAsync(repo);
        var root = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/main", Token));
        var rootId = root.GetProperty("id").GetString()!;
        var metaRange = root.GetProperty("meta_range_id").GetString()!;
        var created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var record = CommitRecord.Create("restorer", "restored", new MetaRangeId(metaRange), created, null, [new CommitId(rootId)], 2);
        object Body(string id, string message) => new
        {
            commit_id = id,
            version = 1,
            committer = "restorer",
            message,
            metarange_id = metaRange,
            creation_date = created.ToUnixTimeSeconds(),
            parents = new[] { rootId },
            generation = 2,
        };
        var url = $"api/v1/repositories/{repo}/commits";

        using var stored = await api.Client.PostAsJsonAsync(url, Body(record.Id.Value, "restored"), Token);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        var read = await ApiAssert.JsonAsync(await api.Client.GetAsync($"{url}/{record.Id.Value}", Token));
        Assert.Equal("restored", read.GetProperty("message").GetString());
        Assert.Equal(2, read.GetProperty("generation").GetInt64());
        Assert.Equal(JsonValueKind.Object, read.GetProperty("metadata").ValueKind);

        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, Body(record.Id.Value, "restored"), Token), HttpStatusCode.Conflict);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(url, Body(record.Id.Value, "tampered"), Token),
            HttpStatusCode.BadRequest, "commit id: invalid value: validation error");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync($"api/v1/repositories/{VersioningApi.UniqueName("absent")}/commits", Body(record.Id.Value, "restored"), Token),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Repository_metadata_is_set_and_deleted()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("repometa");
        await api.CreateRepositoryAsync(repo, readOnly: true);
        var url = $"api/v1/repositories/{repo}/metadata";

        using var set = await api.Client.PostAsJsonAsync(url, new { metadata = new { a = "1", b = "2" } }, Token);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, url) { Content = JsonContent.Create(new { keys = new[] { "a", "never-set" } }) };
        using var deleted = await api.Client.SendAsync(delete, Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var metadata = await ApiAssert.JsonAsync(await api.Client.GetAsync(url, Token));
        Assert.Equal("{\"b\":\"2\"}", metadata.GetRawText());

        var missing = $"api/v1/repositories/{VersioningApi.UniqueName("absent")}/metadata";
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(missing, new { metadata = new { a = "1" } }, Token), HttpStatusCode.NotFound);
        using var noOp = await api.Client.PostAsJsonAsync(missing, new { metadata = new { } }, Token);
        Assert.Equal(HttpStatusCode.NoContent, noOp.StatusCode);
        await ApiAssert.ErrorAsync(await api.Client.PostAsJsonAsync(url, new { }, Token), HttpStatusCode.BadRequest);
    }

    private static async Task<string?> HeadAsync(VersioningApi api, string repo, string branch) =>
        (await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/commits/{branch}", Token))).GetProperty("id").GetString();
}
