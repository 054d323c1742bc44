using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>
/// <c>GET /{repo}</c> (ListObjects v1, docs/gateway.md, "Listing"): <c>marker</c> pagination; <c>NextMarker</c> only
/// when a delimiter is given and the page is truncated (without one, clients resume after the last key).
/// </summary>
public sealed class ListObjects(BucketListing listing) : IS3Operation
{
    public S3OperationId Id => S3OperationId.ListObjects;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.Query.Get("prefix") ?? "";
        var delimiter = request.Query.Get("delimiter") ?? "";
        var marker = request.Query.Get("marker") ?? "";
        var maxKeys = BucketListing.ParseMaxKeys(request.Query.Get("max-keys"));
        var page = await listing.ListAsync(request.RequiredRepository.Id, prefix, delimiter, marker, maxKeys, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            ListBucketResultWriter.WriteStart(xml, request.RequiredRepository.Id, page, prefix, delimiter, maxKeys);
            xml.WriteElementString("Marker", marker);
            // Without a delimiter clients resume after the last Key, which a page of branches does not have.
            if (page.IsTruncated && (delimiter.Length > 0 || page.Contents.Count == 0) && page.LastKey is { } last)
            {
                xml.WriteElementString("NextMarker", last);
            }

            ListBucketResultWriter.WriteContentsAndEnd(xml, page);
        });
    }
}
