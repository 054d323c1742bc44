using Tarn.Blocks;
using Tarn.Core;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.Tests.Signing;

public sealed class S3ErrorMapperTests
{
    private static readonly S3Target Object = new("repo", "main", "a", false);
    private static readonly S3Target Bucket = new("repo", null, null, false);

    [Theory]
    [InlineData(ErrorKind.InvalidArgument, "InvalidArgument", 400)]
    [InlineData(ErrorKind.PermissionDenied, "AccessDenied", 403)]
    [InlineData(ErrorKind.Forbidden, "AccessDenied", 403)]
    [InlineData(ErrorKind.NotFound, "NoSuchKey", 404)]
    [InlineData(ErrorKind.Gone, "NoSuchVersion", 404)]
    [InlineData(ErrorKind.PreconditionFailed, "PreconditionFailed", 412)]
    [InlineData(ErrorKind.TooManyRequests, "SlowDown", 503)]
    [InlineData(ErrorKind.NotImplemented, "NotImplemented", 501)]
    [InlineData(ErrorKind.Internal, "InternalError", 500)]
    public void Kinds_map_to_s3_codes_on_objects(ErrorKind kind, string code, int status)
    {
        var error = S3ErrorMapper.Map(new TarnException(kind, "m"), Object);

        Assert.Equal((code, status), (error.Code, error.Status));
    }

    [Theory]
    [InlineData("cannot write to protected branch", "ErrWriteToProtectedBranch")]
    [InlineData("read-only repository", "ErrReadOnlyRepository")]
    [InlineData("storage access denied", "AccessDenied")]
    public void Forbidden_writes_get_lakeFS_codes(string message, string code)
    {
        var error = S3ErrorMapper.Map(new TarnException(ErrorKind.Forbidden, message), Object);

        Assert.Equal((code, 403), (error.Code, error.Status));
    }

    [Fact]
    public void Not_found_on_a_bucket_is_NoSuchBucket() =>
        Assert.Equal("NoSuchBucket", S3ErrorMapper.Map(TarnException.NotFound(), Bucket).Code);

    [Fact]
    public void Specific_types_win_over_their_kind()
    {
        Assert.Equal("NoSuchUpload", S3ErrorMapper.Map(new MultipartUploadNotFoundException("u"), Object).Code);
        Assert.Equal("InvalidPartOrder", S3ErrorMapper.Map(new InvalidPartListException(InvalidPartListReason.NotAscending, "m"), Object).Code);
        Assert.Equal("InvalidPart", S3ErrorMapper.Map(new InvalidPartListException(InvalidPartListReason.ETagMismatch, "m"), Object).Code);
    }

    [Fact]
    public void Unknown_exceptions_are_InternalError_without_their_message()
    {
        var error = S3ErrorMapper.Map(new InvalidOperationException("secret detail"), Object);

        Assert.Equal("InternalError", error.Code);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
