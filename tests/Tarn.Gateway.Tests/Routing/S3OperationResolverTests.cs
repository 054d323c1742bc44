using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.Tests.Routing;

public sealed class S3OperationResolverTests
{
    private static readonly S3Target Service = new(null, null, null, false);
    private static readonly S3Target Bucket = new("repo", null, null, false);
    private static readonly S3Target Object = new("repo", "main", "a/b", false);
    private static readonly S3Target RefOnly = new("repo", "main", "", false);

    [Theory]
    [InlineData("GET", "", S3OperationId.ListBuckets)]
    [InlineData("GET", "location", S3OperationId.GetBucketLocation)]
    [InlineData("GET", "versioning", S3OperationId.GetBucketVersioning)]
    [InlineData("GET", "prefix=main/", S3OperationId.ListObjects)]
    [InlineData("GET", "list-type=1", S3OperationId.ListObjects)]
    [InlineData("GET", "list-type=2&delimiter=/", S3OperationId.ListObjectsV2)]
    [InlineData("HEAD", "", S3OperationId.HeadBucket)]
    [InlineData("PUT", "", S3OperationId.CreateBucket)]
    [InlineData("POST", "delete", S3OperationId.DeleteObjects)]
    [InlineData("GET", "uploads", S3OperationId.ListMultipartUploads)]
    [InlineData("GET", "uploads&prefix=main/&max-uploads=1", S3OperationId.ListMultipartUploads)]
    public void Bucket_and_service_operations(string method, string query, S3OperationId expected)
    {
        var target = expected == S3OperationId.ListBuckets ? Service : Bucket;

        Assert.Equal(expected, Resolve(method, target, query).Operation);
    }

    [Theory]
    [InlineData("GET", "", S3OperationId.GetObject)]
    [InlineData("GET", "tagging", S3OperationId.GetObjectTagging)]
    [InlineData("GET", "uploadId=u", S3OperationId.ListParts)]
    [InlineData("HEAD", "", S3OperationId.HeadObject)]
    [InlineData("PUT", "", S3OperationId.PutObject)]
    [InlineData("PUT", "partNumber=1&uploadId=u", S3OperationId.UploadPart)]
    [InlineData("POST", "uploads", S3OperationId.CreateMultipartUpload)]
    [InlineData("POST", "uploadId=u", S3OperationId.CompleteMultipartUpload)]
    [InlineData("DELETE", "", S3OperationId.DeleteObject)]
    [InlineData("DELETE", "uploadId=u", S3OperationId.AbortMultipartUpload)]
    public void Object_operations(string method, string query, S3OperationId expected) =>
        Assert.Equal(expected, Resolve(method, Object, query).Operation);

    [Theory]
    [InlineData("", S3OperationId.CopyObject)]
    [InlineData("partNumber=2&uploadId=u", S3OperationId.UploadPartCopy)]
    public void A_copy_source_header_makes_a_copy(string query, S3OperationId expected)
    {
        var headers = new HeaderDictionary { ["x-amz-copy-source"] = "/repo/main/src" };

        Assert.Equal(expected, Resolve("PUT", Object, query, headers: headers).Operation);
    }

    [Theory]
    [InlineData("GET", "Bucket", "acl")]
    [InlineData("GET", "Bucket", "versions")]
    [InlineData("PUT", "Bucket", "policy")]
    [InlineData("HEAD", "Bucket", "acl")]
    [InlineData("DELETE", "Bucket", "")]
    [InlineData("POST", "Bucket", "")]
    [InlineData("GET", "Object", "acl")]
    [InlineData("PUT", "Object", "tagging")]
    [InlineData("POST", "Object", "select")]
    [InlineData("DELETE", "Object", "tagging")]
    [InlineData("GET", "Service", "events")]
    public void Unsupported_sub_resources_answer_ERRLakeFSNotSupported(string method, string level, string query)
    {
        var target = level switch { "Bucket" => Bucket, "Object" => Object, _ => Service };

        var route = Resolve(method, target, query);

        Assert.Equal("ERRLakeFSNotSupported", route.Error?.Code);
        Assert.Equal(405, route.Error?.Status);
    }

    [Fact]
    public void Uploads_beside_an_unsupported_sub_resource_is_still_refused() =>
        Assert.Equal("ERRLakeFSNotSupported", Resolve("GET", Bucket, "versions&uploads").Error?.Code);

    [Fact]
    public void With_verify_unsupported_off_the_plain_operation_runs() =>
        Assert.Equal(S3OperationId.GetObject, Resolve("GET", Object, "acl", verifyUnsupported: false).Operation);

    [Fact]
    public void Delete_bucket_is_never_supported() =>
        Assert.Equal("ERRLakeFSNotSupported", Resolve("DELETE", Bucket, "", verifyUnsupported: false).Error?.Code);

    [Fact]
    public void An_unknown_list_type_is_a_bad_request() =>
        Assert.Equal("BadRequest", Resolve("GET", Bucket, "list-type=3").Error?.Code);

    [Theory]
    [InlineData("GET", "RefOnly")]
    [InlineData("PUT", "RefOnly")]
    [InlineData("HEAD", "Service")]
    [InlineData("PUT", "Service")]
    [InlineData("PATCH", "Object")]
    public void Requests_without_an_operation_get_a_bare_404(string method, string level)
    {
        var target = level switch { "RefOnly" => RefOnly, "Service" => Service, _ => Object };

        Assert.Equal(404, Resolve(method, target, "").BareStatus);
    }

    [Fact]
    public void A_browser_post_upload_gets_a_bare_405() =>
        Assert.Equal(405, Resolve("POST", Object, "").BareStatus);

    private static S3Route Resolve(string method, S3Target target, string query, bool verifyUnsupported = true, IHeaderDictionary? headers = null) =>
        new S3OperationResolver(new GatewayOptions { VerifyUnsupported = verifyUnsupported })
            .Resolve(method, target, S3Query.Parse(query), headers ?? new HeaderDictionary());
}
