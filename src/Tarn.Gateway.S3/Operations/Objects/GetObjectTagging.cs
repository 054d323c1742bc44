using Tarn.Catalog.Objects;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>GET …?tagging</c>: objects carry no tags, so an existing object has an empty tag set (docs/gateway.md, "Reading
/// objects").
/// </summary>
public sealed class GetObjectTagging(ObjectCatalog catalog) : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetObjectTagging;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await catalog.StatAsync(request.RequiredRepository.Id, request.Target.Ref!, request.Target.Path!, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("Tagging", S3Format.Namespace);
            xml.WriteStartElement("TagSet");
            xml.WriteFullEndElement();
            xml.WriteEndElement();
        });
    }
}
