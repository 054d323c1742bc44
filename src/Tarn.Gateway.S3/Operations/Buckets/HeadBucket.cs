using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary><c>HEAD /{repo}</c>: 200 when the repository exists (the lookup before dispatch answered otherwise).</summary>
public sealed class HeadBucket : IS3Operation
{
    public S3OperationId Id => S3OperationId.HeadBucket;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.StatusCode = 200;
        return Task.CompletedTask;
    }
}
