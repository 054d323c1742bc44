using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests.Objects;

/// <summary>
/// The staging API over the loopback server: getPhysicalAddress, writing the data (to the presigned PUT URL
/// Tarn serves for its local store), linkPhysicalAddress with its token rules, stageObject and the preflight.
/// </summary>
public sealed class StagingEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Presigned_staging_upload_then_link_makes_a_readable_object()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "stg");
        var location = await ApiAssert.JsonAsync(await api.Client.GetAsync(Backing(repo, "main", "data/a.csv") + "&presign=true", Token));
        var address = location.GetProperty("physical_address").GetString()!;
        var url = location.GetProperty("presigned_url").GetString()!;
        Assert.StartsWith("local:///", address, StringComparison.Ordinal);
        Assert.Contains($"/{repo}/data/", address, StringComparison.Ordinal);
        Assert.StartsWith(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/_tarn/presigned/", url, StringComparison.Ordinal);
        Assert.InRange(location.GetProperty("presigned_url_expiry").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(14).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(16).ToUnixTimeSeconds());

        // The PUT URL is its own credential: no Authorization header.
        using var anonymous = new HttpClient();
        using var put = await anonymous.PutAsync(url, new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), Token);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var etag = put.Headers.ETag!.Tag;
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData("a,b\n1,2\n"u8))}\"", etag);
        // Data is never overwritten through a URL once written.
        using (var again = await anonymous.PutAsync(url, new ByteArrayContent("evil"u8.ToArray()), Token))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        }

        var linked = await ApiAssert.JsonAsync(await LinkAsync(api, repo, "main", "data/a.csv", address, etag, 8, new { owner = "alice" }, "text/csv"));
        Assert.Equal("data/a.csv", linked.GetProperty("path").GetString());
        Assert.Equal(address, linked.GetProperty("physical_address").GetString());
        Assert.Equal(etag.Trim('"'), linked.GetProperty("checksum").GetString());
        Assert.Equal(8, linked.GetProperty("size_bytes").GetInt64());
        Assert.Equal("text/csv", linked.GetProperty("content_type").GetString());
        Assert.Equal("alice", linked.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.Equal("a,b\n1,2\n", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "data/a.csv"));
        await api.CommitAsync(repo, "main", "linked data");
        Assert.Equal("a,b\n1,2\n", await ObjectApi.ReadTextAsync(api.Client, repo, "main@", "data/a.csv"));
    }

    [Fact]
    public async Task A_token_links_once_and_only_addresses_it_issued()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "tok");
        var address = (await ApiAssert.JsonAsync(await api.Client.GetAsync(Backing(repo, "main", "x"), Token))).GetProperty("physical_address").GetString()!;
        await WriteFileAsync(address, "x");

        await ApiAssert.JsonAsync(await LinkAsync(api, repo, "main", "x", address, "abc", 1));
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "x2", address, "abc", 1), HttpStatusCode.BadRequest, "bad address token (expired or invalid)");

        // An address in the namespace that was never issued, one outside it, one of another scheme, one escaping.
        var forged = address[..(address.LastIndexOf('/') + 1)] + "0000000000000000000a";
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "f", forged, "abc", 1), HttpStatusCode.BadRequest, "bad address token (expired or invalid)");
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "f", "local:///etc/passwd", "abc", 1), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "f", "s3://bucket/key", "abc", 1), HttpStatusCode.BadRequest, "invalid blockstore type: invalid address");
        await ApiAssert.ErrorAsync(
            await LinkAsync(api, repo, "main", "f", address[..(address.LastIndexOf("/data/", StringComparison.Ordinal) + 1)] + "data/../../other/data/x", "abc", 1),
            HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "f", "/stat"), Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Link_checks_checksum_precondition_branch_and_repository()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "lnk");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "taken", "old");

        async Task<string> IssueAsync() =>
            (await ApiAssert.JsonAsync(await api.Client.GetAsync(Backing(repo, "main", "p"), Token))).GetProperty("physical_address").GetString()!;

        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "p", await IssueAsync(), " \"\" ", 1), HttpStatusCode.BadRequest, "checksum is required");
        await ApiAssert.ErrorAsync(
            await LinkAsync(api, repo, "main", "taken", await IssueAsync(), "abc", 1, ifNoneMatch: "*"), HttpStatusCode.PreconditionFailed, "Precondition failed");
        Assert.Equal("old", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "taken"));
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "main", "p", await IssueAsync(), "abc", 1, ifNoneMatch: "etag"), HttpStatusCode.BadRequest);
        await ApiAssert.ErrorAsync(await LinkAsync(api, repo, "nobranch", "p", await IssueAsync(), "abc", 1), HttpStatusCode.NotFound);
        await ApiAssert.ErrorAsync(await LinkAsync(api, "no-such-repo", "main", "p", await IssueAsync(), "abc", 1), HttpStatusCode.NotFound, "repository not found");
        await ApiAssert.ErrorAsync(await api.Client.GetAsync(Backing("no-such-repo", "main", "p"), Token), HttpStatusCode.NotFound, "repository not found");
    }

    [Fact]
    public async Task Stage_object_registers_data_already_in_the_namespace()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "stage");
        var uploaded = await ObjectApi.UploadAsync(api.Client, repo, "main", "orig", "payload");
        var address = uploaded.GetProperty("physical_address").GetString()!;

        using var response = await api.Client.PutAsJsonAsync(
            ObjectApi.BranchObjects(repo, "main", "alias"),
            new { physical_address = address, checksum = "\"verbatim\"", size_bytes = 7, mtime = 1_700_000_000, content_type = "text/plain" },
            Token);
        var stats = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(address, stats.GetProperty("physical_address").GetString());
        Assert.Equal("\"verbatim\"", stats.GetProperty("checksum").GetString());
        Assert.Equal(1_700_000_000, stats.GetProperty("mtime").GetInt64());
        Assert.False(stats.TryGetProperty("metadata", out _));
        Assert.Equal("payload", await ObjectApi.ReadTextAsync(api.Client, repo, "main", "alias"));

        using var outside = await api.Client.PutAsJsonAsync(
            ObjectApi.BranchObjects(repo, "main", "bad"), new { physical_address = "local:///tmp/x", checksum = "c", size_bytes = 1 }, Token);
        await ApiAssert.ErrorAsync(outside, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_preflight_answers_204_after_the_permission_check()
    {
        using var api = new VersioningApi(fixture);
        using var response = await api.Client.GetAsync($"api/v1/repositories/anything/branches/main/objects/stage_allowed?path=a", Token);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static string Backing(string repo, string branch, string path) =>
        $"api/v1/repositories/{repo}/branches/{branch}/staging/backing?path={Uri.EscapeDataString(path)}";

    private static async Task<HttpResponseMessage> LinkAsync(
        VersioningApi api, string repo, string branch, string path, string address, string checksum, long size,
        object? metadata = null, string? contentType = null, string? ifNoneMatch = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            staging = new { physical_address = address },
            checksum,
            size_bytes = size,
            user_metadata = metadata,
            content_type = contentType,
        });
        using var request = new HttpRequestMessage(HttpMethod.Put, Backing(repo, branch, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await api.Client.SendAsync(request, Token);
    }

    private static async Task WriteFileAsync(string localAddress, string content)
    {
        var file = localAddress["local://".Length..];
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content, Token);
    }

    private static async Task<string> NewRepoAsync(VersioningApi api, string stem)
    {
        var repo = VersioningApi.UniqueName(stem);
        await api.CreateRepositoryAsync(repo);
        return repo;
    }
}
