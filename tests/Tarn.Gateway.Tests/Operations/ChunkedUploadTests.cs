using System.Security.Cryptography;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>
/// Uploads as the SDK sends them over TLS with its default checksums: unsigned aws-chunked bodies with a
/// CRC trailer (<c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>), for single PUTs and for parts, into the real catalog.
/// </summary>
public sealed class ChunkedUploadTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task A_put_over_tls_stores_the_decoded_bytes_with_their_md5()
    {
        using var client = Server.CreateClient(https: true);
        var data = RandomNumberGenerator.GetBytes(300_000);

        var put = await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/tls/object.bin", InputStream = new MemoryStream(data) }, Ct);

        var entry = await Server.Catalog.StatAsync(Repo, "main", "tls/object.bin", Ct);
        Assert.Equal(data.Length, entry.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), entry.Checksum);
        Assert.Equal("\"" + entry.Checksum + "\"", put.ETag);
        using var get = await client.GetObjectAsync(Repo, "main/tls/object.bin", Ct);
        using var read = new MemoryStream();
        await get.ResponseStream.CopyToAsync(read, Ct);
        Assert.Equal(data, read.ToArray());
    }

    [Fact]
    public async Task Parts_over_tls_are_decoded_before_they_are_stored()
    {
        using var client = Server.CreateClient(https: true);
        var part = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var start = await client.InitiateMultipartUploadAsync(Repo, "main/tls/parts.bin", Ct);

        var uploaded = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Repo,
            Key = "main/tls/parts.bin",
            UploadId = start.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(part),
        }, Ct);
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Repo,
            Key = "main/tls/parts.bin",
            UploadId = start.UploadId,
            PartETags = [new PartETag(1, uploaded.ETag)],
        }, Ct);

        Assert.Equal("\"" + Convert.ToHexStringLower(MD5.HashData(part)) + "\"", uploaded.ETag);
        var entry = await Server.Catalog.StatAsync(Repo, "main", "tls/parts.bin", Ct);
        Assert.Equal(part.Length, entry.Size);
    }
}
