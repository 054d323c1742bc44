using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// <c>PUT …?partNumber=N&amp;uploadId=ID</c> (docs/gateway.md, "Multipart uploads"): streams the part to the block store;
/// answers its MD5 as the ETag.
/// </summary>
public sealed class UploadPart(MultipartUploads uploads, UploadLookup lookup) : IS3Operation
{
    public S3OperationId Id => S3OperationId.UploadPart;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var upload = await lookup.FindAsync(request, cancellationToken);
        var partNumber = PartNumber.Parse(request.Query.Get("partNumber"));
        var part = await uploads.UploadPartAsync(upload, partNumber, request.Body, request.ContentLength ?? -1, cancellationToken);
        request.HttpContext.Response.StatusCode = 200;
        request.HttpContext.Response.Headers.ETag = S3Format.QuotedETag(part.ETag);
    }
}
