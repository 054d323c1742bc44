using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>
/// <c>PUT /{repo}</c> (docs/gateway.md, "Operation table"): repositories are not created through S3. The repository lookup
/// before dispatch already answered 404 <c>NoSuchBucket</c> for a missing one; an existing one is 409.
/// </summary>
public sealed class CreateBucket : IS3Operation
{
    public S3OperationId Id => S3OperationId.CreateBucket;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new S3ErrorException(S3Errors.BucketAlreadyExists);
    }
}
