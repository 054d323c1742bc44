using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>
/// <c>GET /{repo}?list-type=2</c> (ListObjectsV2, docs/gateway.md, "Listing"): the continuation token is the last
/// key returned (a plain key; clients treat it as opaque); it wins over <c>start-after</c>.
/// </summary>
public sealed class ListObjectsV2(BucketListing listing) : IS3Operation
{
    public S3OperationId Id => S3OperationId.ListObjectsV2;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.Query.Get("prefix") ?? "";
        var delimiter = request.Query.Get("delimiter") ?? "";
        var token = request.Query.Get("continuation-token");
        var after = !string.IsNullOrEmpty(token) ? token : request.Query.Get("start-after") ?? "";
        var maxKeys = BucketListing.ParseMaxKeys(request.Query.Get("max-keys"));
        var page = await listing.ListAsync(request.RequiredRepository.Id, prefix, delimiter, after, maxKeys, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            ListBucketResultWriter.WriteStart(xml, request.RequiredRepository.Id, page, prefix, delimiter, maxKeys);
            if (page.IsTruncated && page.LastKey is { } last)
            {
                xml.WriteElementString("NextContinuationToken", last);
            }

            if (token is not null)
            {
                xml.WriteElementString("ContinuationToken", token);
            }

            ListBucketResultWriter.WriteContentsAndEnd(xml, page);
        });
    }
}
