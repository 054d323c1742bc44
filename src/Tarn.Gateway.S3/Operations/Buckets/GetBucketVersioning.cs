using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary><c>GET /{repo}?versioning</c>: an empty configuration — buckets are never S3-versioned (docs/gateway.md, "Listing").</summary>
public sealed class GetBucketVersioning : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetBucketVersioning;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("VersioningConfiguration", S3Format.Namespace);
            xml.WriteEndElement();
        });
    }
}
