using System.Globalization;
using System.Text;
using Tarn.Blocks;
using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// <c>POST …?uploadId=ID</c> (docs/gateway.md, "Multipart uploads"): the block store joins exactly the listed parts (strictly
/// ascending, ETags matching: else 400 <c>InvalidPartOrder</c> / <c>InvalidPart</c> and the upload stays
/// open), the object is staged at the request's path, and the answer carries the multipart ETag <c>…-N</c>.
/// </summary>
public sealed class CompleteMultipartUpload(MultipartUploads uploads, UploadLookup lookup, GatewayOptions options) : IS3Operation
{
    public S3OperationId Id => S3OperationId.CompleteMultipartUpload;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var upload = await lookup.FindAsync(request, cancellationToken);
        var body = await XmlBody.ReadAsync(request.Body, S3Errors.MalformedXml, cancellationToken);
        var parts = ParseParts(body);
        var completion = await uploads.CompleteAsync(upload, parts, cancellationToken);
        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("CompleteMultipartUploadResult", S3Format.Namespace);
            xml.WriteElementString("Location", Location(request));
            xml.WriteElementString("Bucket", request.RequiredRepository.Id);
            xml.WriteElementString("Key", request.Target.Key);
            xml.WriteElementString("ETag", S3Format.QuotedETag(completion.ETag));
            xml.WriteEndElement();
        });
    }

    private static List<CompletedPart> ParseParts(byte[] body)
    {
        var parts = new List<CompletedPart>();
        var number = new StringBuilder();
        var eTag = new StringBuilder();
        XmlBody.Parse(body, S3Errors.MalformedXml,
            (path, text) =>
            {
                if (path == "CompleteMultipartUpload/Part/PartNumber")
                {
                    number.Append(text);
                }
                else if (path == "CompleteMultipartUpload/Part/ETag")
                {
                    eTag.Append(text);
                }
            },
            path =>
            {
                if (path != "CompleteMultipartUpload/Part")
                {
                    return;
                }

                if (!int.TryParse(number.ToString().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var partNumber))
                {
                    throw new S3ErrorException(S3Errors.MalformedXml.WithMessage("A part has no valid PartNumber."));
                }

                parts.Add(new CompletedPart(partNumber, S3Format.UnquotedETag(eTag.ToString())));
                number.Clear();
                eTag.Clear();
            });
        if (parts.Count == 0)
        {
            throw new S3ErrorException(S3Errors.MalformedXml.WithMessage("The part list is empty."));
        }

        return parts;
    }

    // lakeFS's shape: <scheme>://<Host>/<repo>/<ref>/<path>, without the repository when the host names it.
    private string Location(S3Request request)
    {
        var http = request.HttpContext.Request;
        var https = http.IsHttps
            || string.Equals(http.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase)
            || string.Equals(http.Headers["X-Forwarded-Ssl"].ToString(), "on", StringComparison.OrdinalIgnoreCase);
        var host = http.Host.Value ?? "";
        var hostName = http.Host.Host;
        var bucketInHost = request.Target.VirtualHost
            || options.DomainNames.Any(d => string.Equals(d, hostName, StringComparison.OrdinalIgnoreCase));
        var path = bucketInHost ? request.Target.Key : request.RequiredRepository.Id + "/" + request.Target.Key;
        return (https ? "https" : "http") + "://" + host + "/" + path;
    }
}
