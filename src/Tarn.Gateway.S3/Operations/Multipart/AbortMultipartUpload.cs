using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary><c>DELETE …?uploadId=ID</c> (docs/gateway.md, "Multipart uploads"): discards the parts and the record; 204.</summary>
public sealed class AbortMultipartUpload(MultipartUploads uploads, UploadLookup lookup) : IS3Operation
{
    public S3OperationId Id => S3OperationId.AbortMultipartUpload;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var upload = await lookup.FindAsync(request, cancellationToken);
        await uploads.AbortAsync(upload, cancellationToken);
        request.HttpContext.Response.StatusCode = 204;
    }
}
