using System.Globalization;
using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// <c>GET …?uploadId=ID</c> (docs/gateway.md, "Multipart uploads"): the parts uploaded so far, ascending, paged by
/// <c>part-number-marker</c> and <c>max-parts</c> (default and maximum 1000).
/// </summary>
public sealed class ListParts(MultipartUploads uploads, UploadLookup lookup) : IS3Operation
{
    public const int DefaultMaxParts = 1000;

    public S3OperationId Id => S3OperationId.ListParts;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var upload = await lookup.FindAsync(request, cancellationToken);
        var marker = ParseOr(request.Query.Get("part-number-marker"), 0);
        var maxParts = Math.Clamp(ParseOr(request.Query.Get("max-parts"), DefaultMaxParts), 0, DefaultMaxParts);
        var page = await uploads.ListPartsAsync(upload, marker, maxParts, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("ListPartsResult", S3Format.Namespace);
            xml.WriteElementString("Bucket", request.RequiredRepository.Id);
            xml.WriteElementString("Key", request.Target.Key);
            xml.WriteElementString("UploadId", upload.UploadId);
            xml.WriteElementString("PartNumberMarker", Text(marker));
            if (page.Parts.Count > 0)
            {
                xml.WriteElementString("NextPartNumberMarker", Text(page.Parts[^1].PartNumber));
            }

            xml.WriteElementString("MaxParts", Text(maxParts));
            xml.WriteElementString("IsTruncated", page.HasMore ? "true" : "false");
            xml.WriteElementString("StorageClass", "STANDARD");
            foreach (var part in page.Parts)
            {
                xml.WriteStartElement("Part");
                xml.WriteElementString("PartNumber", Text(part.PartNumber));
                xml.WriteElementString("LastModified", S3Format.XmlTime(part.LastModified));
                xml.WriteElementString("ETag", S3Format.QuotedETag(part.ETag));
                xml.WriteElementString("Size", part.Size.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static int ParseOr(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
