using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests.Objects;

/// <summary>uploadObject, statObject, getObject, headObject, listObjects and deleteObject over the loopback server.</summary>
public sealed class ObjectEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Raw_upload_answers_201_stats_and_the_object_reads_back()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "up");
        using var upload = await ObjectApi.UploadRawAsync(
            api.Client, repo, "main", "dir/a.txt", "hello world", "text/plain", ("X-Lakefs-Meta-Owner", "alice"));
        var stats = await ApiAssert.JsonAsync(upload, HttpStatusCode.Created);

        Assert.Equal("dir/a.txt", stats.GetProperty("path").GetString());
        Assert.Equal("object", stats.GetProperty("path_type").GetString());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("hello world"u8)), stats.GetProperty("checksum").GetString());
        Assert.Equal(11, stats.GetProperty("size_bytes").GetInt64());
        Assert.Equal("text/plain", stats.GetProperty("content_type").GetString());
        Assert.Equal("alice", stats.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.StartsWith("local:///", stats.GetProperty("physical_address").GetString());
        Assert.Contains($"/{repo}/data/", stats.GetProperty("physical_address").GetString());
        Assert.InRange(stats.GetProperty("mtime").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("hello world", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "dir/a.txt"));
    }

    [Fact]
    public async Task Multipart_upload_stores_the_content_part_with_its_type()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "mp");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("ignored"), "other");
        var file = new ByteArrayContent("a,b\n1,2\n"u8.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        form.Add(file, "content", "data.csv");
        var stats = await ApiAssert.JsonAsync(
            await api.Client.PostAsync(ObjectApi.BranchObjects(repo, "main", "t.csv"), form, Token), HttpStatusCode.Created);

        Assert.Equal(8, stats.GetProperty("size_bytes").GetInt64());
        Assert.Equal("text/csv", stats.GetProperty("content_type").GetString());
        Assert.Equal("{}", stats.GetProperty("metadata").GetRawText());
        Assert.Equal("a,b\n1,2\n", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "t.csv"));
    }

    [Theory]
    [InlineData(71)]
    [InlineData(5_000)]
    public async Task A_form_whose_boundary_is_longer_than_70_characters_answers_400(int length)
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "bnd");
        // HttpClient's own form content refuses such boundaries, so the form is written by hand.
        var boundary = new string('b', length);
        using var form = new ByteArrayContent(Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.txt\"\r\n\r\ndata\r\n--{boundary}--\r\n"));
        form.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);

        using var response = await api.Client.PostAsync(ObjectApi.BranchObjects(repo, "main", "a.txt"), form, Token);

        var error = await ApiAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("multipart/form-data boundary longer than 70 characters", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_form_that_ends_inside_its_content_part_answers_400_and_stores_nothing()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "cut");
        using var form = new ByteArrayContent(Encoding.ASCII.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.txt\"\r\n\r\nthe data, and no closing boundary"));
        form.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await api.Client.PostAsync(ObjectApi.BranchObjects(repo, "main", "a.txt"), form, Token);

        var error = await ApiAssert.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("malformed multipart/form-data body", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var stat = await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/objects/stat?path=a.txt", Token);
        Assert.Equal(HttpStatusCode.NotFound, stat.StatusCode);
    }

    [Fact]
    public async Task Get_sends_object_headers_and_serves_ranges()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "rng");
        var stats = await ObjectApi.UploadAsync(api.Client, repo, "main", "r", "0123456789");
        var url = ObjectApi.Objects(repo, "main", "r");

        using (var whole = await ObjectApi.GetAsync(api.Client, url))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal($"\"{stats.GetProperty("checksum").GetString()}\"", whole.Headers.ETag!.ToString());
            Assert.Equal("text/plain", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal(10, whole.Content.Headers.ContentLength);
            Assert.Equal(stats.GetProperty("mtime").GetInt64(), whole.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
            Assert.Equal("0123456789", await whole.Content.ReadAsStringAsync(Token));
        }

        foreach (var (range, body, contentRange) in new[] { ("bytes=0-0", "0", "bytes 0-0/10"), ("bytes=-3", "789", "bytes 7-9/10"), ("bytes=4-100", "456789", "bytes 4-9/10") })
        {
            using var partial = await ObjectApi.GetAsync(api.Client, url, range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(contentRange, partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(body, await partial.Content.ReadAsStringAsync(Token));
        }

        await ApiAssert.ErrorAsync(await ObjectApi.GetAsync(api.Client, url, "bytes=10-"), HttpStatusCode.RequestedRangeNotSatisfiable, "Requested Range Not Satisfiable");
        await ApiAssert.ErrorAsync(await ObjectApi.GetAsync(api.Client, url, "lines=1-2"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body_and_bare_error_statuses()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "head");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "h", "abcdef");

        using (var head = await ObjectApi.GetAsync(api.Client, ObjectApi.Objects(repo, "main", "h"), method: HttpMethod.Head))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(6, head.Content.Headers.ContentLength);
            Assert.NotNull(head.Headers.ETag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
        }

        using (var partial = await ObjectApi.GetAsync(api.Client, ObjectApi.Objects(repo, "main", "h"), "bytes=1-2", HttpMethod.Head))
        {
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(2, partial.Content.Headers.ContentLength);
        }

        using var missing = await ObjectApi.GetAsync(api.Client, ObjectApi.Objects(repo, "main", "nope"), method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Stat_shows_metadata_unless_user_metadata_is_false()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "stat");
        using (await ObjectApi.UploadRawAsync(api.Client, repo, "main", "m", "x", "text/plain", ("X-Lakefs-Meta-Color", "red"))) { }

        var stat = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "m", "/stat"), Token));
        Assert.Equal("red", stat.GetProperty("metadata").GetProperty("color").GetString());
        var bare = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "m", "/stat") + "&user_metadata=false", Token));
        Assert.Equal("{}", bare.GetProperty("metadata").GetRawText());
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "zz", "/stat"), Token), HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task List_folds_folders_and_pages_with_next_offset()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "ls");
        foreach (var path in new[] { "a.txt", "d/1", "d/2", "e/f/g", "z" })
        {
            await ObjectApi.UploadAsync(api.Client, repo, "main", path, path);
        }

        var baseUrl = $"api/v1/repositories/{repo}/refs/main/objects/ls";
        var first = await ApiAssert.JsonAsync(await api.Client.GetAsync($"{baseUrl}?delimiter=%2F&amount=2", Token));
        Assert.Equal(["a.txt", "d/"], first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        Assert.Equal("common_prefix", first.GetProperty("results")[1].GetProperty("path_type").GetString());
        Assert.True(first.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal("d/", first.GetProperty("pagination").GetProperty("next_offset").GetString());

        var second = await ApiAssert.JsonAsync(await api.Client.GetAsync($"{baseUrl}?delimiter=%2F&after=d%2F", Token));
        Assert.Equal(["e/", "z"], second.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        Assert.False(second.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal("", second.GetProperty("pagination").GetProperty("next_offset").GetString());

        var inside = await ApiAssert.JsonAsync(await api.Client.GetAsync($"{baseUrl}?prefix=d%2F", Token));
        Assert.Equal(["d/1", "d/2"], inside.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        Assert.False(inside.GetProperty("results")[0].TryGetProperty("metadata", out _));
        await ApiAssert.ErrorAsync(await api.Client.GetAsync($"{baseUrl}?amount=1001", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_hides_the_object_and_is_204_for_missing_paths()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "del");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "gone", "x");

        using (var deleted = await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "main", "gone"), Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var again = await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "main", "gone"), Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "gone"), Token), HttpStatusCode.NotFound, "not found");
        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "nobranch", "gone"), Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Errors_use_lakefs_statuses_and_texts()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "err");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "taken", "x");

        await ApiAssert.ErrorAsync(await ObjectApi.UploadRawAsync(api.Client, "no-such-repo", "main", "p", "x"), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await ObjectApi.UploadRawAsync(api.Client, repo, "nobranch", "p", "x"), HttpStatusCode.NotFound, "branch 'nobranch' not found");
        await ApiAssert.ErrorAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", "", "x"), HttpStatusCode.BadRequest, "argument path: missing path: required value: validation error");
        await ApiAssert.ErrorAsync(await ObjectApi.UploadRawAsync(api.Client, repo, "main", "a\0b", "x"), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", new string('p', 1025), "x"),
            HttpStatusCode.BadRequest,
            "argument path: invalid value: validation error: 1025 is above maximum length (1024)");
        await ApiAssert.ErrorAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", "taken", "y", "text/plain", ("If-None-Match", "*")), HttpStatusCode.PreconditionFailed, "path already exists");
        await ApiAssert.ErrorAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", "taken", "y", "text/plain", ("If-None-Match", "\"abc\"")), HttpStatusCode.BadRequest);
        Assert.Equal("x", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "taken"));
        await ApiAssert.JsonAsync(
            await ObjectApi.UploadRawAsync(api.Client, repo, "main", "fresh", "y", "text/plain", ("If-None-Match", "*")), HttpStatusCode.Created);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects("no-such-repo", "main", "taken"), Token), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "nobranch", "taken"), Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_data_file_is_410_no_data()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "gone");
        var stats = await ObjectApi.UploadAsync(api.Client, repo, "main", "lost", "data");
        File.Delete(stats.GetProperty("physical_address").GetString()!["local://".Length..]);

        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "lost"), Token), HttpStatusCode.Gone, "No data");
        using var head = await ObjectApi.GetAsync(api.Client, ObjectApi.Objects(repo, "main", "lost"), method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
    }

    [Fact]
    public async Task Read_only_repository_refuses_uploads_and_deletes_unless_forced()
    {
        using var api = new VersioningApi(fixture);
        var repo = VersioningApi.UniqueName("ro");
        await api.CreateRepositoryAsync(repo, readOnly: true);

        await ApiAssert.ErrorAsync(await ObjectApi.UploadRawAsync(api.Client, repo, "main", "p", "x"), HttpStatusCode.Forbidden, "read-only repository");
        await ApiAssert.ErrorAsync(await api.Client.DeleteAsync(ObjectApi.BranchObjects(repo, "main", "p"), Token), HttpStatusCode.Forbidden, "read-only repository");
        using var forced = new HttpRequestMessage(HttpMethod.Post, ObjectApi.BranchObjects(repo, "main", "p") + "&force=true") { Content = new StringContent("x") };
        using var response = await api.Client.SendAsync(forced, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("with space/file name.txt")]
    [InlineData("ünï/çødé/日本語.txt")]
    [InlineData("a%2Fb")]
    [InlineData("/leading//double/")]
    [InlineData("../../outside/../x")]
    public async Task Unusual_paths_round_trip_exactly(string path)
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "path");
        var stats = await ObjectApi.UploadAsync(api.Client, repo, "main", path, "content of " + path);

        Assert.Equal(path, stats.GetProperty("path").GetString());
        Assert.Equal("content of " + path, await ObjectApi.ReadTextAsync(api.Client, repo, "main", path));
        var listed = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/objects/ls", Token));
        Assert.Equal(path, listed.GetProperty("results")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Commit_persists_uploads_and_the_commit_id_reads_the_same_bytes()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "cm");
        var data = new string('x', 70_000) + "end";
        await ObjectApi.UploadAsync(api.Client, repo, "main", "big.bin", data);
        var commit = await api.CommitAsync(repo, "main", "add big");
        var commitId = commit.GetProperty("id").GetString()!;
        await ObjectApi.UploadAsync(api.Client, repo, "main", "big.bin", "changed");

        Assert.Equal(data, await ObjectApi.ReadTextAsync(api.Client, repo, commitId, "big.bin"));
        Assert.Equal("changed", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "big.bin"));
        var stat = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, commitId, "big.bin", "/stat"), Token));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(data))), stat.GetProperty("checksum").GetString());
    }

    private static async Task<string> NewRepoAsync(VersioningApi api, string stem)
    {
        var repo = VersioningApi.UniqueName(stem);
        await api.CreateRepositoryAsync(repo);
        return repo;
    }
}
