using Tarn.Blocks;
using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// UploadPart with <c>x-amz-copy-source</c> (docs/gateway.md, "Multipart uploads"): the part's bytes come from an object of
/// any repository and ref, optionally only <c>x-amz-copy-source-range: bytes=a-b</c> of it (clamped like a
/// GET range; a malformed range is 400 <c>InvalidArgument</c>, one past the end 416 <c>InvalidRange</c>).
/// </summary>
public sealed class UploadPartCopy(MultipartUploads uploads, UploadLookup lookup) : IS3Operation
{
    public const string RangeHeader = "x-amz-copy-source-range";

    public S3OperationId Id => S3OperationId.UploadPartCopy;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = CopySource.Parse(request.Headers[CopySource.Header].ToString());
        var upload = await lookup.FindAsync(request, cancellationToken);
        var partNumber = PartNumber.Parse(request.Query.Get("partNumber"));
        ByteRange? range = null;
        var rangeText = request.Headers[RangeHeader].ToString();
        if (rangeText.Length > 0)
        {
            if (!ByteRange.TryParseHeader(rangeText, out var parsed) || parsed.Start is null || parsed.End is null)
            {
                throw new S3ErrorException(S3Errors.InvalidArgument, "The x-amz-copy-source-range value must be of the form bytes=first-last.");
            }

            range = parsed;
        }

        MultipartPart part;
        try
        {
            part = await uploads.UploadPartCopyAsync(upload, partNumber, source.Repository, source.Ref, source.Path, range, cancellationToken);
        }
        catch (RangeNotSatisfiableException)
        {
            throw new S3ErrorException(S3Errors.InvalidRange);
        }

        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("CopyPartResult", S3Format.Namespace);
            xml.WriteElementString("LastModified", S3Format.XmlTime(part.LastModified));
            xml.WriteElementString("ETag", S3Format.QuotedETag(part.ETag));
            xml.WriteEndElement();
        });
    }
}
