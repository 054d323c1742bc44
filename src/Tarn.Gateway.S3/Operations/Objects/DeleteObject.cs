using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>DELETE /{repo}/{branch}/{path}</c> (docs/gateway.md, "Deleting"): stages a tombstone. As on S3 the answer is
/// 204 whether or not the object, or even the branch, existed; only a read-only repository refuses (403).
/// </summary>
public sealed class DeleteObject(ObjectCatalog catalog, BranchWrites branches) : IS3Operation
{
    public S3OperationId Id => S3OperationId.DeleteObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repository = request.RequiredRepository;
        if (await branches.IsBranchAsync(repository.Id, request.Target.Ref!, cancellationToken))
        {
            if (repository.ReadOnly)
            {
                throw new S3ErrorException(S3Errors.ReadOnlyRepository);
            }

            try
            {
                await catalog.DeleteAsync(repository.Id, request.Target.Ref!, request.Target.Path!, cancellationToken);
            }
            catch (TarnException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.InvalidArgument)
            {
                // Gone between the checks, or a path that cannot exist: nothing to delete.
            }
        }

        request.HttpContext.Response.StatusCode = 204;
    }
}
