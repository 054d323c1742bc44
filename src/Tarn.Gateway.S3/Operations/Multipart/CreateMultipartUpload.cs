using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// <c>POST …?uploads</c> (docs/gateway.md, "Multipart uploads"): starts an upload in the block store and records it with the
/// repository, branch, path, initiating user, content type and <c>x-amz-meta-*</c> metadata the completed object will carry.
/// </summary>
public sealed class CreateMultipartUpload(MultipartUploads uploads, BranchWrites branches) : IS3Operation
{
    public S3OperationId Id => S3OperationId.CreateMultipartUpload;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var branch = await branches.RequireWritableBranchAsync(request, cancellationToken);
        var upload = await uploads.CreateAsync(
            request.RequiredRepository.Id,
            branch,
            request.Target.Path!,
            request.HttpContext.Request.ContentType,
            AmzMetadata.Read(request.Headers),
            request.Caller.User.Username,
            cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("InitiateMultipartUploadResult", S3Format.Namespace);
            xml.WriteElementString("Bucket", request.RequiredRepository.Id);
            xml.WriteElementString("Key", request.Target.Key);
            xml.WriteElementString("UploadId", upload.UploadId);
            xml.WriteEndElement();
        });
    }
}
