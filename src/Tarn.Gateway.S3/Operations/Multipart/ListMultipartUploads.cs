using System.Globalization;
using System.Xml;
using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// <c>GET /{repo}?uploads</c>: the repository's open multipart uploads, keyed <c>branch/path</c> as clients
/// wrote them, paged as <see cref="UploadListing"/> describes. lakeFS 1.12.1 refuses this operation; Tarn serves
/// it so clients can find (and abort) uploads they abandoned. Keys are written raw (no <c>EncodingType</c>).
/// </summary>
public sealed class ListMultipartUploads(MultipartUploads uploads) : IS3Operation
{
    public S3OperationId Id => S3OperationId.ListMultipartUploads;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.Query.Get("prefix") ?? "";
        var delimiter = request.Query.Get("delimiter") ?? "";
        var keyMarker = request.Query.Get("key-marker") ?? "";
        var uploadIdMarker = request.Query.Get("upload-id-marker") ?? "";
        var maxUploads = UploadListing.ParseMaxUploads(request.Query.Get("max-uploads"));
        var repository = request.RequiredRepository.Id;
        var open = await uploads.ListRepositoryUploadsAsync(repository, cancellationToken);
        var page = UploadListing.Page(open, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("ListMultipartUploadsResult", S3Format.Namespace);
            xml.WriteElementString("Bucket", repository);
            xml.WriteElementString("KeyMarker", keyMarker);
            // An upload-id marker means nothing without a key marker (and is ignored then), so it is not echoed.
            xml.WriteElementString("UploadIdMarker", keyMarker.Length > 0 ? uploadIdMarker : "");
            xml.WriteElementString("NextKeyMarker", page.NextKeyMarker);
            xml.WriteElementString("NextUploadIdMarker", page.NextUploadIdMarker);
            if (delimiter.Length > 0)
            {
                xml.WriteElementString("Delimiter", delimiter);
            }

            xml.WriteElementString("Prefix", prefix);
            xml.WriteElementString("MaxUploads", maxUploads.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
            foreach (var upload in page.Uploads)
            {
                WriteUpload(xml, upload);
            }

            foreach (var common in page.CommonPrefixes)
            {
                xml.WriteStartElement("CommonPrefixes");
                xml.WriteElementString("Prefix", common);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static void WriteUpload(XmlWriter xml, MultipartUpload upload)
    {
        xml.WriteStartElement("Upload");
        xml.WriteElementString("Key", MultipartUploads.KeyOf(upload));
        xml.WriteElementString("UploadId", upload.UploadId);
        // The object will belong to whoever started the upload; records from before the initiator was kept have none.
        if (upload.Initiator is { } user)
        {
            WriteUser(xml, "Initiator", user);
            WriteUser(xml, "Owner", user);
        }

        xml.WriteElementString("StorageClass", "STANDARD");
        xml.WriteElementString("Initiated", S3Format.XmlTime(upload.CreatedAt));
        xml.WriteEndElement();
    }

    private static void WriteUser(XmlWriter xml, string element, string username)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("ID", username);
        xml.WriteElementString("DisplayName", username);
        xml.WriteEndElement();
    }
}
