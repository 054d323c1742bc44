using System.Net;
using System.Net.Http.Headers;
using Tarn.Api.Tests.Versioning;

namespace Tarn.Api.Tests.Objects;

/// <summary><c>presign=true</c> on getObject, statObject and listObjects, and the URLs Tarn serves for its local store.</summary>
public sealed class PresignEndpointTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_object_with_presign_redirects_to_a_url_that_reads_without_credentials()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "pget");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "dir/file.txt", "0123456789");

        using var redirect = await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "dir/file.txt") + "&presign=true", Token);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Empty(await redirect.Content.ReadAsByteArrayAsync(Token));
        var url = redirect.Headers.Location!;
        Assert.StartsWith(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/_tarn/presigned/", url.ToString(), StringComparison.Ordinal);

        using var anonymous = new HttpClient();
        Assert.Equal("0123456789", await anonymous.GetStringAsync(url, Token));
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(2, 4);
        using var partial = await anonymous.SendAsync(ranged, Token);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("234", await partial.Content.ReadAsStringAsync(Token));
        Assert.Equal("bytes 2-4/10", partial.Content.Headers.ContentRange!.ToString());
        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Token);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(10, head.Content.Headers.ContentLength);

        // A GET URL does not allow PUT, and any change to it breaks the signature.
        using (var put = await anonymous.PutAsync(url, new ByteArrayContent([1]), Token))
        {
            await ApiAssert.ErrorAsync(put, HttpStatusCode.Forbidden, "presigned URL signature does not match");
        }

        var text = url.ToString();
        var tampered = text.Replace("X-Tarn-Expires=", "X-Tarn-Expires=9", StringComparison.Ordinal);
        using (var bad = await anonymous.GetAsync(tampered, Token))
        {
            await ApiAssert.ErrorAsync(bad, HttpStatusCode.Forbidden);
        }

        using (var malformed = await anonymous.GetAsync(text[..text.IndexOf('?', StringComparison.Ordinal)], Token))
        {
            await ApiAssert.ErrorAsync(malformed, HttpStatusCode.BadRequest, "malformed presigned URL");
        }
    }

    [Fact]
    public async Task Stat_and_list_with_presign_show_urls_and_their_expiry()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "pstat");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "a/one", "first");
        await ObjectApi.UploadAsync(api.Client, repo, "main", "two", "second");

        var stat = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "two", "/stat") + "&presign=true", Token));
        var expiry = stat.GetProperty("physical_address_expiry").GetInt64();
        Assert.InRange(expiry, DateTimeOffset.UtcNow.AddMinutes(14).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(16).ToUnixTimeSeconds());
        using var anonymous = new HttpClient();
        Assert.Equal("second", await anonymous.GetStringAsync(stat.GetProperty("physical_address").GetString(), Token));

        var list = await ApiAssert.JsonAsync(await api.Client.GetAsync($"api/v1/repositories/{repo}/refs/main/objects/ls?delimiter=/&presign=true", Token));
        var results = list.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["a/", "two"], results.Select(r => r.GetProperty("path").GetString()));
        Assert.Equal("", results[0].GetProperty("physical_address").GetString());
        Assert.Equal("second", await anonymous.GetStringAsync(results[1].GetProperty("physical_address").GetString(), Token));
        Assert.True(results[1].TryGetProperty("physical_address_expiry", out _));
    }

    [Fact]
    public async Task Urls_for_missing_data_answer_404()
    {
        using var api = new VersioningApi(fixture);
        var repo = await NewRepoAsync(api, "pgone");
        var stats = await ObjectApi.UploadAsync(api.Client, repo, "main", "lost", "data");
        var stat = await ApiAssert.JsonAsync(await api.Client.GetAsync(ObjectApi.Objects(repo, "main", "lost", "/stat") + "&presign=true", Token));
        File.Delete(stats.GetProperty("physical_address").GetString()!["local://".Length..]);

        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(stat.GetProperty("physical_address").GetString(), Token);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<string> NewRepoAsync(VersioningApi api, string stem)
    {
        var repo = VersioningApi.UniqueName(stem);
        await api.CreateRepositoryAsync(repo);
        return repo;
    }
}
