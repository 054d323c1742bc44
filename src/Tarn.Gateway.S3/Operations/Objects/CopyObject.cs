using Tarn.Catalog.Objects;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>PUT</c> with <c>x-amz-copy-source</c> (docs/gateway.md, "Copying"): a full data copy from any repository and
/// ref to the destination branch, keeping checksum, size, content type and metadata — or, with
/// <c>x-amz-metadata-directive: REPLACE</c>, taking content type and metadata from this request.
/// A missing source is 404 <c>NoSuchKey</c>.
/// </summary>
public sealed class CopyObject(ObjectCatalog catalog, BranchWrites branches) : IS3Operation
{
    public S3OperationId Id => S3OperationId.CopyObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = CopySource.Parse(request.Headers[CopySource.Header].ToString());
        var branch = await branches.RequireWritableBranchAsync(request, cancellationToken);
        var replace = string.Equals(request.Headers["x-amz-metadata-directive"].ToString().Trim(), "REPLACE", StringComparison.OrdinalIgnoreCase);
        (string?, IReadOnlyDictionary<string, string>)? replacement =
            replace ? (request.HttpContext.Request.ContentType, AmzMetadata.Read(request.Headers)) : null;
        var entry = await catalog.CopyFromAsync(
            source.Repository, source.Ref, source.Path, request.RequiredRepository.Id, branch, request.Target.Path!, replacement, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("CopyObjectResult", S3Format.Namespace);
            xml.WriteElementString("LastModified", S3Format.XmlTime(entry.LastModified));
            xml.WriteElementString("ETag", S3Format.QuotedETag(entry.Checksum));
            xml.WriteEndElement();
        });
    }
}
