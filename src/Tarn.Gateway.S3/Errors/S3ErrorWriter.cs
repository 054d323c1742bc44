using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.S3.Errors;

/// <summary>
/// Writes the S3 error body (docs/gateway.md, "Errors"): <c>Code, Message, Key?, BucketName?, Resource, Region?,
/// RequestId, HostId</c>, no namespace. HEAD answers carry the status and headers only.
/// </summary>
public static class S3ErrorWriter
{
    /// <summary>The response header carrying the request id (also echoed in error bodies).</summary>
    public const string RequestIdHeader = "X-Amz-Request-Id";

    public static Task WriteAsync(HttpContext context, S3Error error, S3Target? target, string region)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(region);
        var requestId = context.Response.Headers[RequestIdHeader].ToString();
        return S3XmlResponse.WriteAsync(context, error.Status, xml =>
        {
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            if (target?.Level == S3TargetLevel.Object)
            {
                xml.WriteElementString("Key", target.Path);
            }

            if (!string.IsNullOrEmpty(target?.Repository))
            {
                xml.WriteElementString("BucketName", target.Repository);
            }

            xml.WriteElementString("Resource", target?.Resource ?? "");
            if (region.Length > 0)
            {
                xml.WriteElementString("Region", region);
            }

            xml.WriteElementString("RequestId", requestId);
            xml.WriteElementString("HostId", Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
            xml.WriteEndElement();
        });
    }
}
