using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// The outcome of operation dispatch: an operation to run, an S3 error to answer with, or a bare status
/// with an empty body (lakeFS's 404 for unrouted targets and 405 for browser POST uploads).
/// </summary>
public sealed record S3Route
{
    private S3Route(S3OperationId? operation, S3Error? error, int? bareStatus)
    {
        Operation = operation;
        Error = error;
        BareStatus = bareStatus;
    }

    public S3OperationId? Operation { get; }

    public S3Error? Error { get; }

    public int? BareStatus { get; }

    public static S3Route To(S3OperationId operation) => new(operation, null, null);

    public static S3Route Refuse(S3Error error) => new(null, error, null);

    public static S3Route Bare(int status) => new(null, null, status);

    /// <summary>404 with an empty body: no operation at this level for this method.</summary>
    public static S3Route NotFound { get; } = Bare(404);

    /// <summary>405 <c>ERRLakeFSNotSupported</c>.</summary>
    public static S3Route NotSupported { get; } = Refuse(S3Errors.NotSupported);
}
