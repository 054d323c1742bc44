using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary><c>GET /</c>: every repository as a bucket, sorted by name (docs/gateway.md, "Listing").</summary>
public sealed class ListBuckets(VersionController versions) : IS3Operation
{
    public S3OperationId Id => S3OperationId.ListBuckets;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repositories = new List<RepositoryRecord>();
        string? after = null;
        while (true)
        {
            var page = await versions.ListRepositoriesAsync(new PageRequest(After: after, Amount: PageRequest.MaxAmount), cancellationToken);
            repositories.AddRange(page.Items);
            if (!page.HasMore || page.Items.Count == 0)
            {
                break;
            }

            after = page.Items[^1].Id;
        }

        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("ListAllMyBucketsResult");
            xml.WriteStartElement("Buckets");
            foreach (var repository in repositories)
            {
                xml.WriteStartElement("Bucket");
                xml.WriteElementString("CreationDate", S3Format.XmlTime(repository.CreationDate));
                xml.WriteElementString("Name", repository.Id);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("Owner");
            xml.WriteElementString("DisplayName", "");
            xml.WriteElementString("ID", "");
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }
}
