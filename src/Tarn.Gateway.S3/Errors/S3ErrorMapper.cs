using Microsoft.AspNetCore.Http;
using Tarn.Blocks;
using Tarn.Core;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Errors;

/// <summary>
/// The one table from failures to S3 error codes: gateway errors as thrown, a few specific domain types,
/// then <see cref="ErrorKind"/>. Anything else is an <c>InternalError</c> whose details stay in the log.
/// </summary>
public static class S3ErrorMapper
{
    /// <summary>The S3 error for <paramref name="exception"/>; <paramref name="target"/> tells object from bucket operations.</summary>
    public static S3Error Map(Exception exception, S3Target? target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            S3ErrorException s3 => s3.Error,
            RangeNotSatisfiableException => S3Errors.InvalidRange,
            MultipartUploadNotFoundException => S3Errors.NoSuchUpload,
            InvalidPartListException invalid => PartListError(invalid),
            // Kestrel's refusals while the body is read (client sent less than Content-Length, bad framing).
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => S3Errors.IncompleteBody,
            TarnException tarn => FromKind(tarn, target),
            _ => S3Errors.InternalError,
        };
    }

    private static S3Error PartListError(InvalidPartListException exception) => exception.Reason switch
    {
        InvalidPartListReason.Empty => S3Errors.MalformedXml.WithMessage(exception.Message),
        InvalidPartListReason.PartNumberOutOfRange => S3Errors.InvalidArgument.WithMessage(exception.Message),
        InvalidPartListReason.NotAscending => S3Errors.InvalidPartOrder.WithMessage(exception.Message),
        _ => S3Errors.InvalidPart.WithMessage(exception.Message),
    };

    // The domain says "forbidden" for data-plane refusals; S3 clients get lakeFS's specific codes for the
    // two that writes meet (docs/gateway.md, "Writing objects"), and AccessDenied for anything else.
    private static S3Error Forbidden(string message) =>
        message.Contains("protected branch", StringComparison.Ordinal) ? S3Errors.WriteToProtectedBranch.WithMessage(message)
        : message.Contains("read-only repository", StringComparison.Ordinal) ? S3Errors.ReadOnlyRepository.WithMessage(message)
        : S3Errors.AccessDenied.WithMessage(message);

    private static S3Error FromKind(TarnException exception, S3Target? target) => exception.Kind switch
    {
        ErrorKind.InvalidArgument => S3Errors.InvalidArgument.WithMessage(exception.Message),
        ErrorKind.Unauthenticated or ErrorKind.PermissionDenied => S3Errors.AccessDenied,
        ErrorKind.Forbidden => Forbidden(exception.Message),
        ErrorKind.NotFound when target?.Level == S3TargetLevel.Object => S3Errors.NoSuchKey,
        ErrorKind.NotFound => S3Errors.NoSuchBucket,
        ErrorKind.Gone => S3Errors.NoSuchVersion,
        ErrorKind.AlreadyExists when target?.Level == S3TargetLevel.Bucket => S3Errors.BucketAlreadyExists,
        ErrorKind.AlreadyExists or ErrorKind.PreconditionFailed => S3Errors.PreconditionFailed,
        ErrorKind.Conflict or ErrorKind.Locked => S3Errors.OperationAborted,
        ErrorKind.TooManyRequests => S3Errors.SlowDown,
        ErrorKind.NotImplemented => S3Errors.NotImplemented,
        _ => S3Errors.InternalError,
    };
}
