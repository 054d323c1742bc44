using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tarn.Api.Tests.Versioning;

/// <summary>listRepositories, createRepository, getRepository, deleteRepository, getRepositoryMetadata over HTTP.</summary>
public sealed class RepositoryEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_repository_reads_back_with_its_root_commit()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("repo");
        var created = await api.CreateRepositoryAsync(name, defaultBranch: "trunk");
        Assert.Equal(name, created.GetProperty("id").GetString());
        Assert.Equal("trunk", created.GetProperty("default_branch").GetString());
        Assert.Equal($"local://{name}", created.GetProperty("storage_namespace").GetString());
        Assert.False(created.GetProperty("read_only").GetBoolean());
        Assert.InRange(created.GetProperty("creation_date").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);

        var fetched = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{name}", Token));
        Assert.Equal(created.GetRawText(), fetched.GetRawText());

        var root = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{name}/commits/trunk", Token));
        Assert.Equal("Repository created", root.GetProperty("message").GetString());
        Assert.Equal("", root.GetProperty("committer").GetString());
        Assert.Equal("", root.GetProperty("meta_range_id").GetString());
        Assert.Equal(0, root.GetProperty("parents").GetArrayLength());
        Assert.Equal("{}", root.GetProperty("metadata").GetRawText());
        Assert.Equal(1, root.GetProperty("generation").GetInt64());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Creation_errors_use_lakefs_texts_and_store_nothing()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("dup");
        await api.CreateRepositoryAsync(name);
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories", new { name, storage_namespace = $"local://{name}-other" }, Token),
            HttpStatusCode.Conflict, "error creating repository: not unique");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories", new { name = "Bad_Name", storage_namespace = "local://bad" }, Token),
            HttpStatusCode.BadRequest, "error creating repository: argument name: repository id: invalid value: validation error");

        var other = VersioningApi.UniqueName("ns");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories", new { name = other, storage_namespace = $"s3://bucket/{other}" }, Token),
            HttpStatusCode.BadRequest, "failed to match required regex ^local://: invalid namespace");
        await ApiAssert.ErrorAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories", new { name = other, storage_namespace = $"local://{name}" }, Token),
            HttpStatusCode.BadRequest,
            $"failed to create repository: found lakeFS objects in the storage namespace(local://{name}) key(_lakefs/dummy): storage namespace already in use");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{other}", Token), HttpStatusCode.NotFound, "repository not found");

        using var malformed = new StringContent("{\"name\": 5}", System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ErrorAsync(await api.Client.PostAsync("api/v1/repositories", malformed, Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bare_creation_records_the_repository_only()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("bare");
        var created = await ApiAssert.JsonAsync(
            await api.Client.PostAsJsonAsync("api/v1/repositories?bare=true", new { name, storage_namespace = $"local://{name}" }, Token),
            HttpStatusCode.Created);
        Assert.False(created.TryGetProperty("read_only", out _));
        Assert.Equal("main", created.GetProperty("default_branch").GetString());

        var branches = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{name}/branches", Token));
        Assert.Equal(0, branches.GetProperty("results").GetArrayLength());
        var fetched = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{name}", Token));
        Assert.False(fetched.GetProperty("read_only").GetBoolean());
    }

    [Fact]
    public async Task Listing_pages_by_id_with_exclusive_after()
    {
        using var api = new VersioningApi(fixture);
        var stem = VersioningApi.UniqueName("list");
        foreach (var suffix in new[] { "b", "a", "c" })
        {
            await api.CreateRepositoryAsync($"{stem}-{suffix}");
        }

        var first = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories?prefix={stem}&amount=2", Token));
        Assert.Equal([$"{stem}-a", $"{stem}-b"], Ids(first));
        Assert.True(first.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal($"{stem}-b", first.GetProperty("pagination").GetProperty("next_offset").GetString());
        Assert.Equal(1000, first.GetProperty("pagination").GetProperty("max_per_page").GetInt32());

        var second = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories?prefix={stem}&after={stem}-b", Token));
        Assert.Equal([$"{stem}-c"], Ids(second));
        Assert.False(second.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal("", second.GetProperty("pagination").GetProperty("next_offset").GetString());
        Assert.Equal(1, second.GetProperty("pagination").GetProperty("results").GetInt32());

        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories?amount=5000", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_rejects_invalid_ids_and_unknown_repositories()
    {
        using var api = new VersioningApi(fixture);
        await ApiAssert.ErrorAsync(
            await api.Client.GetAsync("api/v1/repositories/No_Such", Token),
            HttpStatusCode.BadRequest, "argument repository: repository id: invalid value: validation error");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories/no-such-repo", Token), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync("api/v1/repositories/no-such-repo", Token), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync("api/v1/repositories/no-such-repo/metadata", Token), HttpStatusCode.NotFound, "repository not found");
    }

    [Fact]
    public async Task Delete_removes_the_repository_and_honours_read_only()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("del");
        await api.CreateRepositoryAsync(name);
        using (var deleted = await api.Client.DeleteAsync($"api/v1/repositories/{name}", Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"api/v1/repositories/{name}", Token), HttpStatusCode.NotFound, "repository not found");

        var locked = VersioningApi.UniqueName("ro");
        var created = await api.CreateRepositoryAsync(locked, readOnly: true);
        Assert.True(created.GetProperty("read_only").GetBoolean());
        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync($"api/v1/repositories/{locked}", Token), HttpStatusCode.Forbidden, "read-only repository");
        using var forced = await api.Client.DeleteAsync($"api/v1/repositories/{locked}?force=true", Token);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
    }

    [Fact]
    public async Task Metadata_of_a_new_repository_is_empty()
    {
        using var api = new VersioningApi(fixture);
        var name = VersioningApi.UniqueName("meta");
        await api.CreateRepositoryAsync(name);
        var metadata = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{name}/metadata", Token));
        Assert.Equal(JsonValueKind.Object, metadata.ValueKind);
        Assert.Equal("{}", metadata.GetRawText());
    }

    private static string[] Ids(JsonElement list) =>
        [.. list.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
}
