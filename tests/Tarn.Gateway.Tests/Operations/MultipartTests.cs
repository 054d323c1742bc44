using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>Multipart uploads over the real catalog and local block store.</summary>
public sealed class MultipartTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;
    private const int PartSize = 5 * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    // A whole-object GET: the SDK checks the body against the ETag unless it carries a "-N" part count, so this
    // also proves multipart objects keep theirs (unlike lakeFS, which strips it).
    private static async Task<byte[]> ReadAllAsync(AmazonS3Client client, string key)
    {
        using var get = await client.GetObjectAsync(new GetObjectRequest { BucketName = Repo, Key = key }, Ct);
        using var read = new MemoryStream();
        await get.ResponseStream.CopyToAsync(read, Ct);
        return read.ToArray();
    }

    [Fact]
    public async Task Three_parts_assemble_into_the_object_with_a_dash_3_ETag()
    {
        using var client = Server.CreateClient();
        var data = RandomNumberGenerator.GetBytes(3 * PartSize - 1234);
        var start = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/mp/big.bin",
            ContentType = "application/x-test",
        }, Ct);
        var eTags = new List<PartETag>();
        for (var part = 1; part <= 3; part++)
        {
            var offset = (part - 1) * PartSize;
            var length = Math.Min(PartSize, data.Length - offset);
            var uploaded = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Repo,
                Key = "main/mp/big.bin",
                UploadId = start.UploadId,
                PartNumber = part,
                InputStream = new MemoryStream(data, offset, length),
                PartSize = length,
            }, Ct);
            eTags.Add(new PartETag(part, uploaded.ETag));
        }

        var parts = await client.ListPartsAsync(new ListPartsRequest { BucketName = Repo, Key = "main/mp/big.bin", UploadId = start.UploadId }, Ct);
        var completed = await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/mp/big.bin",
            UploadId = start.UploadId,
            PartETags = eTags,
        }, Ct);

        Assert.Equal([1, 2, 3], parts.Parts.Select(p => p.PartNumber ?? 0));
        Assert.Equal(PartSize, parts.Parts[0].Size);
        Assert.EndsWith("-3\"", completed.ETag);
        Assert.Equal(data, await ReadAllAsync(client, "main/mp/big.bin"));
        var head = await client.GetObjectMetadataAsync(Repo, "main/mp/big.bin", Ct);
        Assert.Equal("application/x-test", head.Headers.ContentType);
        // One ETag everywhere: the completion, HEAD, and the stored checksum the API shows.
        Assert.Equal(completed.ETag, head.ETag);
        var entry = await Server.Catalog.StatAsync(Repo, "main", "mp/big.bin", Ct);
        Assert.Equal(completed.ETag.Trim('"'), entry.Checksum);
    }

    [Fact]
    public async Task UploadPartCopy_copies_ranges_of_an_existing_object()
    {
        using var client = Server.CreateClient();
        var data = RandomNumberGenerator.GetBytes(PartSize + 100);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/mp/source.bin", InputStream = new MemoryStream(data) }, Ct);
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/mp/composed.bin", Ct);

        var first = await client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Repo,
            SourceKey = "main/mp/source.bin",
            DestinationBucket = Repo,
            DestinationKey = "main/mp/composed.bin",
            UploadId = start.UploadId,
            PartNumber = 1,
            FirstByte = 0,
            LastByte = PartSize - 1,
        }, Ct);
        var second = await client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Repo,
            SourceKey = "main/mp/source.bin",
            DestinationBucket = Repo,
            DestinationKey = "main/mp/composed.bin",
            UploadId = start.UploadId,
            PartNumber = 2,
            FirstByte = PartSize,
            LastByte = data.Length - 1,
        }, Ct);
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/mp/composed.bin",
            UploadId = start.UploadId,
            PartETags = [new PartETag(1, first.ETag), new PartETag(2, second.ETag)],
        }, Ct);

        Assert.Equal(data, await ReadAllAsync(client, "main/mp/composed.bin"));
    }

    [Fact]
    public async Task Abort_forgets_the_upload()
    {
        using var client = Server.CreateClient();
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/mp/aborted.bin", Ct);
        await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/mp/aborted.bin",
            UploadId = start.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream([1, 2, 3]),
        }, Ct);

        var aborted = await client.AbortMultipartUploadAsync(Repo, "main/mp/aborted.bin", start.UploadId, Ct);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/mp/aborted.bin",
            UploadId = start.UploadId,
            PartNumber = 2,
            InputStream = new MemoryStream([4]),
        }, Ct));

        Assert.Equal(HttpStatusCode.NoContent, aborted.HttpStatusCode);
        Assert.Equal("NoSuchUpload", error.ErrorCode);
    }

    [Fact]
    public async Task An_upload_id_used_for_another_path_is_NoSuchUpload()
    {
        using var client = Server.CreateClient();
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/mp/one.bin", Ct);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/mp/other.bin",
            UploadId = start.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream([1]),
        }, Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NoSuchUpload", error.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_part_ETag_or_order_is_refused_and_the_upload_stays_open()
    {
        using var client = Server.CreateClient();
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/mp/bad.bin", Ct);
        var uploaded = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/mp/bad.bin",
            UploadId = start.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream([7, 7]),
        }, Ct);

        var badETag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/mp/bad.bin",
            UploadId = start.UploadId,
            PartETags = [new PartETag(1, "\"00000000000000000000000000000000\"")],
        }, Ct));
        var done = await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/mp/bad.bin",
            UploadId = start.UploadId,
            PartETags = [new PartETag(1, uploaded.ETag)],
        }, Ct);

        Assert.Equal("InvalidPart", badETag.ErrorCode);
        Assert.EndsWith("-1\"", done.ETag);
    }

    [Fact]
    public async Task A_part_number_out_of_range_is_InvalidArgument()
    {
        using var client = Server.CreateClient();
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/mp/range.bin", Ct);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/mp/range.bin",
            UploadId = start.UploadId,
            PartNumber = 10001,
            InputStream = new MemoryStream([1]),
        }, Ct));

        Assert.Equal("InvalidArgument", error.ErrorCode);
    }
}
