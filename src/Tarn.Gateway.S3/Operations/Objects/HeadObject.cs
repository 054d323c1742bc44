using Tarn.Catalog.Objects;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>HEAD /{repo}/{ref}/{path}</c> (docs/gateway.md, "Reading objects"): the headers of GET with no body and without the
/// browser-hardening headers; a range gives 206 with its length, an unsatisfiable one a bare 416.
/// </summary>
public sealed class HeadObject(ObjectCatalog catalog) : IS3Operation
{
    public S3OperationId Id => S3OperationId.HeadObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = await catalog.StatAsync(request.RequiredRepository.Id, request.Target.Ref!, request.Target.Path!, cancellationToken);
        var http = request.HttpContext;
        var notModified = ConditionalRead.IsNotModified(request.Headers, entry);
        var range = notModified ? null : ObjectResponse.SelectRange(http.Request, entry);
        ObjectResponse.WriteHeaders(http.Response, entry, range, notModified);
    }
}
