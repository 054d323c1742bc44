using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>Response headers of object reads: dates, security headers, overrides, virtual-host style.</summary>
public sealed class ObjectHeaderTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task Modified_since_conditions_compare_with_Last_Modified()
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/hdr/dated", ContentBody = "dated" }, Ct);
        var head = await client.GetObjectMetadataAsync(Repo, "main/hdr/dated", Ct);
        var lastModified = head.LastModified!.Value;

        var notModified = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Repo,
            Key = "main/hdr/dated",
            ModifiedSinceDate = lastModified,
        }, Ct));
        var precondition = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Repo,
            Key = "main/hdr/dated",
            UnmodifiedSinceDate = lastModified.AddDays(-1),
        }, Ct));
        using var modified = await client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Repo,
            Key = "main/hdr/dated",
            ModifiedSinceDate = lastModified.AddDays(-1),
        }, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, precondition.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.HttpStatusCode);
    }

    [Fact]
    public async Task Get_sends_security_headers_and_honours_response_overrides()
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/hdr/page.html", ContentBody = "<p>", ContentType = "text/html" }, Ct);
        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Repo,
            Key = "main/hdr/page.html",
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
            ResponseHeaderOverrides = new ResponseHeaderOverrides { ContentDisposition = "attachment; filename=\"page.html\"" },
        });
        using var http = new HttpClient();

        using var response = await http.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("attachment; filename=\"page.html\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(3, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task Head_reports_the_size_and_any_range_of_an_empty_object_is_416()
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/hdr/head-range", ContentBody = "0123456789" }, Ct);

        var ranged = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Repo, Key = "main/hdr/head-range" }, Ct);
        var empty = await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/hdr/empty", ContentBody = "" }, Ct);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Repo,
            Key = "main/hdr/empty",
            ByteRange = new ByteRange("bytes=0-0"),
        }, Ct));

        Assert.Equal(10, ranged.ContentLength);
        Assert.Equal(HttpStatusCode.OK, empty.HttpStatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.StatusCode);
    }

    [Fact]
    public async Task Virtual_host_style_round_trips_an_object()
    {
        using var client = Server.CreateClient(virtualHost: true);

        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/hdr/vhost.txt", ContentBody = "vhost" }, Ct);
        using var get = await client.GetObjectAsync(Repo, "main/hdr/vhost.txt", Ct);

        Assert.Equal("vhost", await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Keys_with_spaces_unicode_and_reserved_characters_round_trip()
    {
        using var client = Server.CreateClient();
        const string Key = "main/hdr/we ird+%#?&=/ünï€😀/end/";

        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = Key, ContentBody = "odd" }, Ct);
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Repo, Prefix = "main/hdr/we" }, Ct);
        using var get = await client.GetObjectAsync(Repo, Key, Ct);

        Assert.Equal([Key], listing.S3Objects.Select(o => o.Key));
        Assert.Equal("odd", await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task A_missing_ref_reads_as_NoSuchKey()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(Repo, "no-such-ref/hdr/x", Ct));

        Assert.Equal("NoSuchKey", error.ErrorCode);
    }
}
