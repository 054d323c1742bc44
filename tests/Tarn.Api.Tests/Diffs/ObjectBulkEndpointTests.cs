using System.Net;
using System.Net.Http.Json;
using Tarn.Api.Tests.Objects;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests.Diffs;

/// <summary>deleteObjects and copyObject over the loopback server (docs/objects.md, "Bulk delete" and "Copying an object").</summary>
public sealed class ObjectBulkEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_many_removes_listed_paths_ignores_missing_and_empty_and_reports_invalid_ones()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "dm");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "a", "1");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "b", "2");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "c", "3");
        var tooLong = new string('x', 1025);

        var body = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync(DeleteUrl(repo, "main"), new { paths = new[] { "a", "c", "missing", "", tooLong } }, Token));

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(400, error.GetProperty("status_code").GetInt32());
        Assert.Equal(tooLong, error.GetProperty("path").GetString());
        using var gone = await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "a", "/stat"), Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("2", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "b"));
    }

    [Fact]
    public async Task Delete_many_refuses_over_1000_paths_and_unknown_branches()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "dl");
        var paths = Enumerable.Range(0, 1001).Select(i => $"p{i}").ToArray();
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(DeleteUrl(repo, "main"), new { paths }, Token),
            HttpStatusCode.BadRequest,
            "request size exceeded, max paths is set to 1000");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(DeleteUrl(repo, "nope"), new { paths = new[] { "a" } }, Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_many_in_a_read_only_repository_reports_403_per_path()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("dro");
        await api.CreateRepositoryAsync(repo, readOnly: true);

        var body = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync(DeleteUrl(repo, "main"), new { paths = new[] { "a", "b" } }, Token));

        Assert.Equal(
            ["403 read-only repository a", "403 read-only repository b"],
            body.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("status_code").GetInt32()} {e.GetProperty("message").GetString()} {e.GetProperty("path").GetString()}"));
    }

    [Fact]
    public async Task Copy_writes_new_data_keeping_checksum_metadata_and_content_type()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "cp");
        using var upload = await ObjectApi.UploadRawAsync(
            api.Client, repo, "main", "src.txt", "payload", "text/x-test", ("X-Lakefs-Meta-Owner", "alice"));
        var source = await ApiAssert.JsonAsync(upload, HttpStatusCode.Created);
        await api.CommitAsync(repo, "main", "base");
        await api.CreateBranchAsync(repo, "dev", "main");

        var copy = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync(CopyUrl(repo, "dev", "dir/copy.txt"), new { src_path = "src.txt", src_ref = "main" }, Token),
            HttpStatusCode.Created);

        Assert.Equal("dir/copy.txt", copy.GetProperty("path").GetString());
        Assert.Equal(source.GetProperty("checksum").GetString(), copy.GetProperty("checksum").GetString());
        Assert.Equal(7, copy.GetProperty("size_bytes").GetInt64());
        Assert.Equal("text/x-test", copy.GetProperty("content_type").GetString());
        Assert.Equal("alice", copy.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.NotEqual(source.GetProperty("physical_address").GetString(), copy.GetProperty("physical_address").GetString());
        Assert.Equal("payload", await ObjectApi.ReadTextAsync(api.Client, repo, "dev", "dir/copy.txt"));
    }

    [Fact]
    public async Task Copy_defaults_the_source_to_the_destination_branch_and_reports_missing_things()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "cpd");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "staged", "s");

        var copy = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync(CopyUrl(repo, "main", "again"), new { src_path = "staged" }, Token), HttpStatusCode.Created);
        Assert.Equal("{}", copy.GetProperty("metadata").GetRawText());
        Assert.Equal("s", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "again"));

        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(CopyUrl(repo, "main", "x"), new { src_path = "absent" }, Token), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync(CopyUrl(repo, "nope", "x"), new { src_path = "staged" }, Token),
            HttpStatusCode.NotFound,
            "branch 'nope' not found");
    }

    private static string DeleteUrl(string repo, string branch) => $"api/v1/repositories/{repo}/branches/{branch}/objects/delete";

    private static string CopyUrl(string repo, string branch, string destination) =>
        $"api/v1/repositories/{repo}/branches/{branch}/objects/copy?dest_path={Uri.EscapeDataString(destination)}";

    private static async Task<string> NewRepoAsync(VersioningApi api, string stem)
    {
        var repo = VersioningApi.UniqueName(stem);
        await api.CreateRepositoryAsync(repo);
        return repo;
    }
}
