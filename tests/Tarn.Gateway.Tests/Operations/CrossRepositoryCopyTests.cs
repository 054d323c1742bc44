using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>CopyObject and UploadPartCopy between two repositories (each with its own storage namespace).</summary>
public sealed class CrossRepositoryCopyTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Source = CatalogGatewayServer.Repository;
    private const string Target = "copy-target-repo";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task Objects_and_parts_copy_into_another_repository()
    {
        await Server.Versions.CreateRepositoryAsync(new RepositoryCreation(Target, "local://" + Target), Ct);
        using var client = Server.CreateClient();
        var put = new PutObjectRequest { BucketName = Source, Key = "main/xrepo/src.txt", ContentBody = "0123456789", ContentType = "text/plain" };
        put.Metadata.Add("kind", "source");
        var written = await client.PutObjectAsync(put, Ct);

        var copied = await client.CopyObjectAsync(Source, "main/xrepo/src.txt", Target, "main/copied.txt", Ct);
        var start = await client.InitiateMultipartUploadAsync(Target, "main/composed.txt", Ct);
        var part = await client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Source,
            SourceKey = "main/xrepo/src.txt",
            DestinationBucket = Target,
            DestinationKey = "main/composed.txt",
            UploadId = start.UploadId,
            PartNumber = 1,
            FirstByte = 2,
            LastByte = 4,
        }, Ct);
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Target,
            Key = "main/composed.txt",
            UploadId = start.UploadId,
            PartETags = [new PartETag(1, part.ETag)],
        }, Ct);

        Assert.Equal(written.ETag, copied.ETag);
        using var get = await client.GetObjectAsync(Target, "main/copied.txt", Ct);
        Assert.Equal("0123456789", await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct));
        Assert.Equal("source", get.Metadata["kind"]);
        var composed = await Server.Catalog.StatAsync(Target, "main", "composed.txt", Ct);
        Assert.Equal(3, composed.Size);
    }
}
