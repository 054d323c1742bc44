using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations;

/// <summary>
/// One S3 operation (one class per operation, registered as a singleton <see cref="IS3Operation"/>).
/// It runs after authentication with the body already decoded and verifying; it knows nothing about
/// routing or signing. An operation with no registered implementation answers 501 <c>NotImplemented</c>.
/// </summary>
public interface IS3Operation
{
    /// <summary>The operation this class serves.</summary>
    S3OperationId Id { get; }

    /// <summary>Serves the request, writing the response through <see cref="S3Request.HttpContext"/>.</summary>
    Task HandleAsync(S3Request request, CancellationToken cancellationToken);
}
