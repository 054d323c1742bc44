using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;
using Tarn.Versioning.Graveler;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>Object reads and writes over the real catalog: round trips, metadata, ranges, conditions, copy, delete.</summary>
public sealed class ObjectOperationTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task Put_get_and_head_round_trip_bytes_content_type_and_metadata()
    {
        using var client = Server.CreateClient();
        var put = new PutObjectRequest { BucketName = Repo, Key = "main/rt/doc.json", ContentBody = "{\"a\":1}", ContentType = "application/json" };
        put.Metadata.Add("color", "blue");

        var putResponse = await client.PutObjectAsync(put, Ct);
        using var get = await client.GetObjectAsync(Repo, "main/rt/doc.json", Ct);
        var body = await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct);
        var head = await client.GetObjectMetadataAsync(Repo, "main/rt/doc.json", Ct);

        var md5 = "\"" + Md5Hex("{\"a\":1}") + "\"";
        Assert.Equal(md5, putResponse.ETag);
        Assert.Equal("{\"a\":1}", body);
        Assert.Equal(md5, get.ETag);
        Assert.Equal("application/json", get.Headers.ContentType);
        Assert.Equal("blue", get.Metadata["color"]);
        Assert.Equal(7, head.ContentLength);
        Assert.Equal("blue", head.Metadata["color"]);
        Assert.Equal(md5, head.ETag);
        var entry = await Server.Catalog.StatAsync(Repo, "main", "rt/doc.json", Ct);
        Assert.Equal("blue", entry.Metadata["X-Amz-Meta-Color"]);
    }

    [Fact]
    public async Task A_missing_object_is_NoSuchKey()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(Repo, "main/none/such", Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task Ranges_select_bytes_and_an_unsatisfiable_range_is_416()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/range/digits", "0123456789");

        Assert.Equal("0", await ReadRangeAsync(client, "main/range/digits", new ByteRange("bytes=0-0")));
        Assert.Equal("789", await ReadRangeAsync(client, "main/range/digits", new ByteRange("bytes=-3")));
        Assert.Equal("56789", await ReadRangeAsync(client, "main/range/digits", new ByteRange("bytes=5-100")));
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            ReadRangeAsync(client, "main/range/digits", new ByteRange("bytes=10-20")));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.StatusCode);
        Assert.Equal("InvalidRange", error.ErrorCode);
    }

    [Fact]
    public async Task A_ranged_get_answers_206_with_Content_Range()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/range/206", "abcdef");

        using var response = await client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Repo,
            Key = "main/range/206",
            ByteRange = new ByteRange("bytes=1-2"),
        }, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.HttpStatusCode);
        Assert.Equal("bytes 1-2/6", response.ContentRange);
        Assert.Equal(2, response.ContentLength);
    }

    [Fact]
    public async Task If_None_Match_star_refuses_to_overwrite()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/cond/once", "first");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Repo,
            Key = "main/cond/once",
            ContentBody = "second",
            IfNoneMatch = "*",
        }, Ct));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/cond/fresh", ContentBody = "new", IfNoneMatch = "*" }, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("first", await ReadAsync(client, "main/cond/once"));
        Assert.Equal("new", await ReadAsync(client, "main/cond/fresh"));
    }

    [Fact]
    public async Task Conditional_gets_follow_the_ETag()
    {
        using var client = Server.CreateClient();
        var eTag = (await PutAsync(client, "main/cond/get", "payload")).ETag;

        using var matched = await client.GetObjectAsync(new GetObjectRequest { BucketName = Repo, Key = "main/cond/get", EtagToMatch = eTag }, Ct);
        var mismatch = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.GetObjectAsync(new GetObjectRequest { BucketName = Repo, Key = "main/cond/get", EtagToMatch = "\"0123\"" }, Ct));
        var notModified = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.GetObjectAsync(new GetObjectRequest { BucketName = Repo, Key = "main/cond/get", EtagToNotMatch = eTag }, Ct));

        Assert.Equal(HttpStatusCode.OK, matched.HttpStatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Writes_to_a_tag_are_NoSuchBucket_while_reads_through_it_work()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/tagged/file", "tagged");
        await Server.Versions.CommitAsync(Repo, "main", new CommitParams("ObjectOperationTests", "for a tag"), Ct);
        await Server.Versions.CreateTagAsync(Repo, "v-objects", "main", Ct);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(client, "v-objects/tagged/other", "no"));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal("tagged", await ReadAsync(client, "v-objects/tagged/file"));
    }

    [Fact]
    public async Task Copy_within_a_branch_across_branches_and_with_REPLACE()
    {
        using var client = Server.CreateClient();
        var put = new PutObjectRequest { BucketName = Repo, Key = "main/copy/src", ContentBody = "copy me", ContentType = "text/plain" };
        put.Metadata.Add("origin", "src");
        var source = await client.PutObjectAsync(put, Ct);
        await Server.Versions.CreateBranchAsync(Repo, "copy-target", "main", Ct);

        var same = await client.CopyObjectAsync(Repo, "main/copy/src", Repo, "main/copy/dst", Ct);
        var across = await client.CopyObjectAsync(Repo, "main/copy/src", Repo, "copy-target/copy/dst", Ct);
        var replace = new CopyObjectRequest
        {
            SourceBucket = Repo,
            SourceKey = "main/copy/src",
            DestinationBucket = Repo,
            DestinationKey = "main/copy/replaced",
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = "text/csv",
        };
        replace.Metadata.Add("origin", "replaced");
        await client.CopyObjectAsync(replace, Ct);

        Assert.Equal(source.ETag, same.ETag);
        Assert.Equal(source.ETag, across.ETag);
        Assert.Equal("copy me", await ReadAsync(client, "copy-target/copy/dst"));
        var kept = await client.GetObjectMetadataAsync(Repo, "main/copy/dst", Ct);
        Assert.Equal("src", kept.Metadata["origin"]);
        Assert.Equal("text/plain", kept.Headers.ContentType);
        var replaced = await client.GetObjectMetadataAsync(Repo, "main/copy/replaced", Ct);
        Assert.Equal("replaced", replaced.Metadata["origin"]);
        Assert.Equal("text/csv", replaced.Headers.ContentType);
    }

    [Fact]
    public async Task Copy_of_a_missing_source_is_NoSuchKey()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.CopyObjectAsync(Repo, "main/copy/none", Repo, "main/copy/x", Ct));

        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_is_204_even_when_missing()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/del/x", "x");

        var deleted = await client.DeleteObjectAsync(Repo, "main/del/x", Ct);
        var again = await client.DeleteObjectAsync(Repo, "main/del/x", Ct);
        var noBranch = await client.DeleteObjectAsync(Repo, "no-branch/del/x", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, noBranch.HttpStatusCode);
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.GetObjectAsync(Repo, "main/del/x", Ct));
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task Objects_written_through_S3_are_staged_and_committable()
    {
        using var client = Server.CreateClient();
        await Server.Versions.CreateBranchAsync(Repo, "commit-me", "main", Ct);
        await PutAsync(client, "commit-me/committed/file.txt", "to commit");

        var stat = await Server.Catalog.StatAsync(Repo, "commit-me", "committed/file.txt", Ct);
        var commit = await Server.Versions.CommitAsync(Repo, "commit-me", new CommitParams("tester", "gateway writes"), Ct);

        Assert.Equal(9, stat.Size);
        Assert.Equal("to commit", await ReadAsync(client, commit.Id + "/committed/file.txt"));
    }

    [Fact]
    public async Task Tagging_and_versioning_reads_answer_empty_documents()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/tags/x", "x");

        var tagging = await client.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = Repo, Key = "main/tags/x" }, Ct);

        Assert.Empty(tagging.Tagging ?? []);
    }

    [Fact]
    public async Task A_restricted_user_is_denied_writes_outside_its_prefix()
    {
        using var client = Server.CreateClient(CatalogGatewayServer.RestrictedKey);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(client, "main/closed/x", "x"));
        await PutAsync(client, "main/open/x", "allowed");

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("allowed", await ReadAsync(client, "main/open/x"));
    }

    [Fact]
    public async Task A_bad_signature_is_403()
    {
        using var client = Server.CreateClient(secret: "not-the-secret-at-all-0123456789");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.ListBucketsAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }

    [Fact]
    public async Task Presigned_gets_work_until_they_expire()
    {
        using var client = Server.CreateClient();
        await PutAsync(client, "main/presign/x", "presigned");
        var url = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Repo,
            Key = "main/presign/x",
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = new HttpClient();

        var body = await http.GetStringAsync(url, Ct);
        Server.Time.Offset = TimeSpan.FromMinutes(10);
        try
        {
            using var expired = await http.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        }
        finally
        {
            Server.Time.Offset = TimeSpan.Zero;
        }

        Assert.Equal("presigned", body);
    }

    private static async Task<PutObjectResponse> PutAsync(AmazonS3Client client, string key, string body) =>
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = key, ContentBody = body }, Ct);

    private static async Task<string> ReadAsync(AmazonS3Client client, string key)
    {
        using var response = await client.GetObjectAsync(Repo, key, Ct);
        return await new StreamReader(response.ResponseStream).ReadToEndAsync(Ct);
    }

    private static async Task<string> ReadRangeAsync(AmazonS3Client client, string key, ByteRange range)
    {
        using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = Repo, Key = key, ByteRange = range }, Ct);
        return await new StreamReader(response.ResponseStream).ReadToEndAsync(Ct);
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
