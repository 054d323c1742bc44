using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>ListMultipartUploads through the AWS SDK over the real catalog; each test works in its own repository.</summary>
public sealed class ListMultipartUploadsTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task Open_uploads_on_every_branch_are_listed_by_key_then_initiation()
    {
        var repo = await CreateRepositoryAsync("mpu-all", withDevBranch: true);
        using var client = Server.CreateClient();
        var before = DateTime.UtcNow.AddSeconds(-5);
        var first = await StartAsync(client, repo, "main/x/a.bin");
        var second = await StartAsync(client, repo, "main/x/a.bin");
        var dev = await StartAsync(client, repo, "dev/y.bin");
        var top = await StartAsync(client, repo, "main/top.bin");

        var listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo }, Ct);

        var uploads = listed.MultipartUploads ?? [];
        Assert.Equal(["dev/y.bin", "main/top.bin", "main/x/a.bin", "main/x/a.bin"], uploads.Select(u => u.Key));
        Assert.Equal(dev, uploads[0].UploadId);
        Assert.Equal(top, uploads[1].UploadId);
        // Same key: in initiation order, which the two creations above may share to the millisecond.
        Assert.Equal(new HashSet<string> { first, second }, uploads.Skip(2).Select(u => u.UploadId).ToHashSet());
        Assert.Equal(repo, listed.BucketName);
        Assert.False(listed.IsTruncated);
        Assert.Equal(1000, listed.MaxUploads);
        Assert.All(uploads, upload =>
        {
            Assert.Equal("admin", upload.Initiator?.DisplayName);
            Assert.Equal("admin", upload.Owner?.Id);
            Assert.Equal(S3StorageClass.Standard, upload.StorageClass);
            Assert.InRange(upload.Initiated?.ToUniversalTime() ?? DateTime.MinValue, before, DateTime.UtcNow.AddSeconds(5));
        });
    }

    [Fact]
    public async Task Prefix_and_delimiter_roll_keys_up_into_common_prefixes()
    {
        var repo = await CreateRepositoryAsync("mpu-delim", withDevBranch: true);
        using var client = Server.CreateClient();
        var top = await StartAsync(client, repo, "main/top.bin");
        await StartAsync(client, repo, "main/x/a.bin");
        await StartAsync(client, repo, "main/x/b.bin");
        await StartAsync(client, repo, "dev/y.bin");

        var underMain = await client.ListMultipartUploadsAsync(
            new ListMultipartUploadsRequest { BucketName = repo, Prefix = "main/", Delimiter = "/" }, Ct);
        var branches = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo, Delimiter = "/" }, Ct);

        Assert.Equal([top], (underMain.MultipartUploads ?? []).Select(u => u.UploadId));
        Assert.Equal(["main/x/"], underMain.CommonPrefixes ?? []);
        Assert.Equal("main/", underMain.Prefix);
        Assert.Equal("/", underMain.Delimiter);
        Assert.Empty(branches.MultipartUploads ?? []);
        Assert.Equal(["dev/", "main/"], branches.CommonPrefixes ?? []);
    }

    [Fact]
    public async Task Max_uploads_of_one_pages_through_every_upload_once()
    {
        var repo = await CreateRepositoryAsync("mpu-pages", withDevBranch: true);
        using var client = Server.CreateClient();
        var started = new List<string>
        {
            await StartAsync(client, repo, "main/p.bin"),
            await StartAsync(client, repo, "main/p.bin"),
            await StartAsync(client, repo, "dev/q.bin"),
            await StartAsync(client, repo, "main/r.bin"),
        };
        var all = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo }, Ct);

        var seen = new List<string>();
        var pages = 0;
        var request = new ListMultipartUploadsRequest { BucketName = repo, MaxUploads = 1 };
        while (true)
        {
            var page = await client.ListMultipartUploadsAsync(request, Ct);
            pages++;
            seen.AddRange((page.MultipartUploads ?? []).Select(u => u.UploadId));
            if (page.IsTruncated != true)
            {
                break;
            }

            Assert.Equal(1, page.MaxUploads);
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }

        Assert.Equal((all.MultipartUploads ?? []).Select(u => u.UploadId), seen);
        Assert.Equal(started.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task Completed_and_aborted_uploads_disappear_and_other_repositories_are_not_shown()
    {
        var repo = await CreateRepositoryAsync("mpu-gone", withDevBranch: false);
        var other = await CreateRepositoryAsync("mpu-other", withDevBranch: false);
        using var client = Server.CreateClient();
        var completed = await StartAsync(client, repo, "main/done.bin");
        var aborted = await StartAsync(client, repo, "main/aborted.bin");
        var open = await StartAsync(client, repo, "main/open.bin");
        var elsewhere = await StartAsync(client, other, "main/open.bin");
        var part = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = repo,
            Key = "main/done.bin",
            UploadId = completed,
            PartNumber = 1,
            InputStream = new MemoryStream([1, 2, 3]),
        }, Ct);
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = repo,
            Key = "main/done.bin",
            UploadId = completed,
            PartETags = [new PartETag(1, part.ETag)],
        }, Ct);
        await client.AbortMultipartUploadAsync(repo, "main/aborted.bin", aborted, Ct);

        var listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo }, Ct);
        var listedOther = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = other }, Ct);

        Assert.Equal([open], (listed.MultipartUploads ?? []).Select(u => u.UploadId));
        Assert.Equal([elsewhere], (listedOther.MultipartUploads ?? []).Select(u => u.UploadId));
    }

    [Fact]
    public async Task A_user_without_ListObjects_is_denied()
    {
        var repo = await CreateRepositoryAsync("mpu-denied", withDevBranch: false);
        using var client = Server.CreateClient(CatalogGatewayServer.UnlistingKey);
        // The same user may start uploads, just not list them.
        await StartAsync(client, repo, "main/mine.bin");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo }, Ct));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task A_max_uploads_of_zero_is_InvalidArgument()
    {
        var repo = await CreateRepositoryAsync("mpu-invalid", withDevBranch: false);
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = repo, MaxUploads = 0 }, Ct));

        Assert.Equal("InvalidArgument", error.ErrorCode);
    }

    private async Task<string> CreateRepositoryAsync(string name, bool withDevBranch)
    {
        await Server.Versions.CreateRepositoryAsync(new RepositoryCreation(name, "local://" + name), Ct);
        if (withDevBranch)
        {
            await Server.Versions.CreateBranchAsync(name, "dev", "main", Ct);
        }

        return name;
    }

    private static async Task<string> StartAsync(AmazonS3Client client, string repo, string key) =>
        (await client.InitiateMultipartUploadAsync(repo, key, Ct)).UploadId;
}
