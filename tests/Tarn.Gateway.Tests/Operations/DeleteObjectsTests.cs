using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>DeleteObjects over the real catalog: batches, <c>main/</c> keys, per-key denials, Quiet.</summary>
public sealed class DeleteObjectsTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task A_batch_deletes_present_and_missing_keys_and_the_bare_branch_key()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/batch/a");
        await PutAsync(client, "main/batch/b");

        var response = await client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Repo,
            Objects = [new KeyVersion { Key = "main/batch/a" }, new KeyVersion { Key = "main/batch/b" }, new KeyVersion { Key = "main/batch/none" }, new KeyVersion { Key = "main/" }],
        }, Ct);

        Assert.Equal(["main/", "main/batch/a", "main/batch/b", "main/batch/none"], response.DeletedObjects.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Empty(response.DeleteErrors ?? []);
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "main/batch/" }, Ct);
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task Denied_keys_are_reported_and_the_others_deleted()
    {
        using var admin = Server.CreateClient();
        await PutAsync(admin, "main/open/deletable");
        await PutAsync(admin, "main/closed/protected");
        using var client = Server.CreateClient(CatalogGatewayServer.RestrictedKey);

        var error = await Assert.ThrowsAsync<DeleteObjectsException>(() => client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Repo,
            Objects = [new KeyVersion { Key = "main/open/deletable" }, new KeyVersion { Key = "main/closed/protected" }],
        }, Ct));

        var deleted = Assert.Single(error.Response.DeletedObjects);
        Assert.Equal("main/open/deletable", deleted.Key);
        var denied = Assert.Single(error.Response.DeleteErrors);
        Assert.Equal("main/closed/protected", denied.Key);
        Assert.Equal("AccessDenied", denied.Code);
        var still = await admin.GetObjectMetadataAsync(Repo, "main/closed/protected", Ct);
        Assert.Equal(HttpStatusCode.OK, still.HttpStatusCode);
    }

    [Fact]
    public async Task Quiet_mode_omits_the_deleted_entries()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/quiet/a");

        var response = await client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Repo,
            Quiet = true,
            Objects = [new KeyVersion { Key = "main/quiet/a" }],
        }, Ct);

        Assert.Empty(response.DeletedObjects ?? []);
        Assert.Empty(response.DeleteErrors ?? []);
    }

    private static async Task PutAsync(AmazonS3Client client, string key) =>
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = key, ContentBody = key }, Ct);
}
