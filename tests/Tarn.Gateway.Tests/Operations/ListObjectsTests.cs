using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>ListObjects v1 and v2 over the real catalog: branches at the top level, delimiters, prefixes, pagination.</summary>
public sealed class ListObjectsTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>, IAsyncLifetime
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    public async ValueTask InitializeAsync()
    {
        if (await ExistsAsync("main/list/a.txt"))
        {
            return;
        }

        using var client = Server.CreateClient();
        foreach (var key in new[] { "list/a.txt", "list/b.txt", "list/dir1/x.txt", "list/dir1/y.txt", "list/dir2/z.txt", "list/e.txt" })
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/" + key, ContentBody = key }, Ct);
        }

        await Server.Versions.CreateBranchAsync(Repo, "feature-list", "main", Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_top_level_lists_branches_as_common_prefixes()
    {
        using var client = Server.CreateClient();

        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Delimiter = "/" }, Ct);

        Assert.Contains("main/", response.CommonPrefixes);
        Assert.Contains("feature-list/", response.CommonPrefixes);
        Assert.Empty(response.S3Objects ?? []);
        Assert.Equal(response.CommonPrefixes.Count, response.KeyCount);
    }

    [Fact]
    public async Task A_prefix_without_slash_filters_branches_and_pages_by_branch_name()
    {
        using var client = Server.CreateClient();

        var first = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "", Delimiter = "/", MaxKeys = 1 }, Ct);
        var second = await client.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = Repo,
            Delimiter = "/",
            MaxKeys = 1,
            ContinuationToken = first.NextContinuationToken,
        }, Ct);
        var filtered = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "feat", Delimiter = "/" }, Ct);

        Assert.True(first.IsTruncated);
        Assert.Equal(["feature-list/"], first.CommonPrefixes);
        Assert.Equal(["main/"], second.CommonPrefixes);
        Assert.Equal(["feature-list/"], filtered.CommonPrefixes);
    }

    [Fact]
    public async Task A_delimiter_folds_directories_and_keeps_the_ref_in_every_key()
    {
        using var client = Server.CreateClient();

        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "main/list/", Delimiter = "/" }, Ct);

        Assert.Equal(["main/list/a.txt", "main/list/b.txt", "main/list/e.txt"], response.S3Objects.Select(o => o.Key));
        Assert.Equal(["main/list/dir1/", "main/list/dir2/"], response.CommonPrefixes);
        Assert.Equal(5, response.KeyCount);
        Assert.False(response.IsTruncated);
        var a = response.S3Objects[0];
        Assert.Equal(10, a.Size);
        Assert.Equal("\"" + Md5Hex("list/a.txt") + "\"", a.ETag);
    }

    [Fact]
    public async Task V2_pagination_walks_every_item_once_across_prefixes()
    {
        using var client = Server.CreateClient();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Repo,
                Prefix = "main/list/",
                Delimiter = "/",
                MaxKeys = 2,
                ContinuationToken = token,
            }, Ct);
            seen.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            seen.AddRange(page.CommonPrefixes ?? []);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            ["main/list/a.txt", "main/list/b.txt", "main/list/dir1/", "main/list/dir2/", "main/list/e.txt"],
            seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task V1_pagination_with_markers_and_no_delimiter_lists_everything()
    {
        using var client = Server.CreateClient();
        var seen = new List<string>();
        string? marker = null;
        while (true)
        {
            var page = await client.ListObjectsAsync(new ListObjectsRequest { BucketName = Repo, Prefix = "main/list/", MaxKeys = 4, Marker = marker }, Ct);
            seen.AddRange(page.S3Objects.Select(o => o.Key));
            if (page.IsTruncated != true)
            {
                break;
            }

            marker = page.NextMarker ?? page.S3Objects[^1].Key;
        }

        Assert.Equal(6, seen.Count);
        Assert.Equal("main/list/dir1/x.txt", seen[2]);
    }

    [Fact]
    public async Task StartAfter_resumes_strictly_after_the_key()
    {
        using var client = Server.CreateClient();

        var response = await client.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = Repo,
            Prefix = "main/list/",
            StartAfter = "main/list/dir2/z.txt",
        }, Ct);

        Assert.Equal(["main/list/e.txt"], response.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task An_unknown_branch_lists_nothing_and_a_marker_on_another_ref_is_BadRequest()
    {
        using var client = Server.CreateClient();

        var empty = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "nope/list/" }, Ct);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = Repo,
            Prefix = "main/list/",
            StartAfter = "other/list/a.txt",
        }, Ct));

        Assert.Empty(empty.S3Objects ?? []);
        Assert.Equal("BadRequest", error.ErrorCode);
    }

    [Fact]
    public async Task Virtual_host_style_lists_the_same_keys()
    {
        using var client = Server.CreateClient(virtualHost: true);

        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "main/list/d", Delimiter = "/" }, Ct);

        Assert.Equal(["main/list/dir1/", "main/list/dir2/"], response.CommonPrefixes);
    }

    [Fact]
    public async Task Max_keys_up_to_5000_is_honoured()
    {
        using var client = Server.CreateClient();

        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "main/list/", MaxKeys = 5000 }, Ct);

        Assert.Equal(5000, response.MaxKeys);
        Assert.Equal(6, response.KeyCount);
    }

    private async Task<bool> ExistsAsync(string key)
    {
        using var client = Server.CreateClient();
        try
        {
            await client.GetObjectMetadataAsync(Repo, key, Ct);
            return true;
        }
        catch (AmazonS3Exception)
        {
            return false;
        }
    }

    private static string Md5Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
