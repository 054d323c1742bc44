using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>Bucket-level operations over the real catalog, driven by the AWS SDK.</summary>
public sealed class BucketOperationTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task ListBuckets_names_every_repository()
    {
        using var client = Server.CreateClient();

        var response = await client.ListBucketsAsync(Ct);

        var bucket = Assert.Single(response.Buckets, b => b.BucketName == Repo);
        Assert.True(bucket.CreationDate > DateTime.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task HeadBucket_is_200_for_a_repository_and_404_for_a_missing_one()
    {
        using var client = Server.CreateClient();

        var found = await client.HeadBucketAsync(new HeadBucketRequest { BucketName = Repo }, Ct);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.HeadBucketAsync(new HeadBucketRequest { BucketName = "no-such-repo" }, Ct));

        Assert.Equal(HttpStatusCode.OK, found.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Authorization_comes_before_the_bucket_lookup()
    {
        using var client = Server.CreateClient(CatalogGatewayServer.RestrictedKey);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = "no-such-repo", Key = "main/open/x", ContentBody = "x" }, Ct));

        // The restricted user may not write outside gateway-repo/open/: denied before anyone looks for the bucket.
        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task GetBucketLocation_is_empty_for_us_east_1()
    {
        using var client = Server.CreateClient();

        var response = await client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Repo }, Ct);

        Assert.True(string.IsNullOrEmpty(response.Location?.Value) || response.Location == S3Region.USEast1);
    }

    [Fact]
    public async Task PutBucket_on_an_existing_repository_is_BucketAlreadyExists()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.PutBucketAsync(new PutBucketRequest { BucketName = Repo }, Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("BucketAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task GetBucketVersioning_reports_an_unversioned_bucket()
    {
        using var client = Server.CreateClient();

        var response = await client.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = Repo }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
    }
}
