using Tarn.Blocks;
using Tarn.Catalog.Objects;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>GET /{repo}/{ref}/{path}</c> (docs/gateway.md, "Reading objects"): any ref, staged changes included on branches;
/// conditional headers, a single range, <c>response-*</c> header overrides, user metadata headers and the
/// browser-hardening headers. The data streams from the block store to the response.
/// </summary>
public sealed class GetObject(ObjectCatalog catalog) : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repositoryId = request.RequiredRepository.Id;
        var entry = await catalog.StatAsync(repositoryId, request.Target.Ref!, request.Target.Path!, cancellationToken);
        var http = request.HttpContext;
        var notModified = ConditionalRead.IsNotModified(request.Headers, entry);
        var range = notModified ? null : ObjectResponse.SelectRange(http.Request, entry);
        if (notModified)
        {
            ObjectResponse.WriteHeaders(http.Response, entry, null, notModified: true);
            return;
        }

        var byteRange = range is { } r ? ByteRange.FromTo(r.Offset, r.Offset + r.Length - 1) : (ByteRange?)null;
        await using var content = await catalog.OpenDataAsync(repositoryId, entry, byteRange, cancellationToken);
        ObjectResponse.WriteHeaders(http.Response, entry, range, notModified: false);
        ResponseOverrides.Apply(request.Query, http.Response);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentSecurityPolicy = "default-src 'none'";
        await content.Data.CopyToAsync(http.Response.Body, cancellationToken);
    }
}
