using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>GET …?versioning</c> on an object: lakeFS's artefact, an empty versioning configuration (docs/gateway.md,
/// "Reading objects").
/// </summary>
public sealed class GetObjectVersioning : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetObjectVersioning;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("VersioningConfiguration");
            xml.WriteFullEndElement();
        });
    }
}
