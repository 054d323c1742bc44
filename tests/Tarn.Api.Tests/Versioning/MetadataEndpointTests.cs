using System.Net;
using Tarn.Api.Tests.Objects;
using Tarn.Testing;

namespace Tarn.Api.Tests.Versioning;

/// <summary>getMetaRange, getRange, getUnderlyingProperties and createSymlinkFile over the loopback server.</summary>
public sealed class MetadataEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Meta_range_and_range_locations_are_namespace_relative_and_readable()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("meta");
        var created = await api.CreateRepositoryAsync(repo);
        await ObjectApi.UploadAsync(api.Client, repo, "main", "a", "x");
        var commit = await api.CommitAsync(repo, "main", "one");
        var metaRangeId = commit.GetProperty("meta_range_id").GetString()!;

        using var response = await api.Client.GetAsync($"api/v1/repositories/{repo}/metadata/meta_range/{metaRangeId}", Token);
        var body = await ApiAssert.JsonAsync(response);
        Assert.Equal($"_lakefs/{metaRangeId}", body.GetProperty("location").GetString());
        Assert.Equal($"_lakefs/{metaRangeId}", response.Headers.Location!.OriginalString);
        // The location names a real file of the storage namespace.
        var data = fixture.Server.Environment["LAKEFS_BLOCKSTORE_LOCAL_PATH"];
        var storageNamespace = created.GetProperty("storage_namespace").GetString()!["local://".Length..];
        Assert.True(File.Exists(Path.Combine(data, storageNamespace, "_lakefs", metaRangeId)));

        var range = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/metadata/range/abc", Token));
        Assert.Equal("_lakefs/abc", range.GetProperty("location").GetString());
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync("api/v1/repositories/no-such-repo/metadata/range/abc", Token), HttpStatusCode.NotFound, "repository not found");
    }

    [Theory]
    [InlineData("meta_range/%C3%A9")]
    [InlineData("range/abc%01")]
    [InlineData("range/a%20b")]
    [InlineData("meta_range/a%0D%0ALocation:%20x")]
    [InlineData("range/a%2Fb")]
    public async Task Range_ids_that_cannot_be_a_location_are_refused(string target)
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("metabad");
        await api.CreateRepositoryAsync(repo);

        var answer = await RawHttp.SendAsync(
            fixture.Server.BaseAddress, "GET", $"/api/v1/repositories/{repo}/metadata/{target}",
            [$"Authorization: {TarnTestServer.Basic(fixture.AccessKeyId, fixture.SecretAccessKey)}"], cancellationToken: Token);

        Assert.True(answer.Status == 400, $"{target}: {answer.Status} {answer.Body}");
        Assert.Contains("invalid range ID", answer.Body, StringComparison.Ordinal);
        Assert.Null(answer.Header("location"));
    }

    [Fact]
    public async Task Underlying_properties_are_empty_for_the_local_store()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("under");
        await api.CreateRepositoryAsync(repo);
        var stats = await ObjectApi.UploadAsync(api.Client, repo, "main", "a", "x");

        var props = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "a", "/underlyingProperties"), Token));
        Assert.Equal("{}", props.GetRawText());
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "zz", "/underlyingProperties"), Token), HttpStatusCode.NotFound, "not found");
        File.Delete(stats.GetProperty("physical_address").GetString()!["local://".Length..]);
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "a", "/underlyingProperties"), Token), HttpStatusCode.Gone, "No data");
    }

    [Fact]
    public async Task Symlink_manifests_list_physical_addresses_per_directory()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("sym");
        var created = await api.CreateRepositoryAsync(repo);
        var a1 = await ObjectApi.UploadAsync(api.Client, repo, "main", "t/a/1.parquet", "1");
        var b1 = await ObjectApi.UploadAsync(api.Client, repo, "main", "t/b/1.parquet", "2");
        var a2 = await ObjectApi.UploadAsync(api.Client, repo, "main", "t/a/2.parquet", "3");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "other/x", "4");

        using var response = await api.Client.PostAsync($"api/v1/repositories/{repo}/refs/main/symlink?location=t/", null, Token);
        var body = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        var storageNamespace = created.GetProperty("storage_namespace").GetString()!;
        Assert.Equal(storageNamespace.TrimEnd('/') + "/symlinks", body.GetProperty("location").GetString());

        var root = Path.Combine(fixture.Server.Environment["LAKEFS_BLOCKSTORE_LOCAL_PATH"], storageNamespace["local://".Length..], "symlinks", repo, "main");
        Assert.Equal(
            $"{a1.GetProperty("physical_address").GetString()}\n{a2.GetProperty("physical_address").GetString()}",
            await File.ReadAllTextAsync(Path.Combine(root, "t", "a", "symlink.txt"), Token));
        Assert.Equal(b1.GetProperty("physical_address").GetString(), await File.ReadAllTextAsync(Path.Combine(root, "t", "b", "symlink.txt"), Token));
        Assert.False(Directory.Exists(Path.Combine(root, "other")));

        // Nothing matching writes nothing and still succeeds (lakeFS fails here).
        using var empty = await api.Client.PostAsync($"api/v1/repositories/{repo}/refs/main/symlink?location=none/", null, Token);
        await ApiAssert.JsonAsync(empty, HttpStatusCode.Created);
        await ApiAssert.ErrorAsync(await api.Client.PostAsync($"api/v1/repositories/{repo}/refs/nope/symlink", null, Token), HttpStatusCode.NotFound);
    }
}
