using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary><c>GET /{repo}?location</c>: the configured region, empty for us-east-1 as S3 does (docs/gateway.md, "Listing").</summary>
public sealed class GetBucketLocation(GatewayOptions options) : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetBucketLocation;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var region = options.Region == "us-east-1" ? "" : options.Region;
        return S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("LocationConstraint", S3Format.Namespace);
            xml.WriteString(region);
            xml.WriteEndElement();
        });
    }
}
