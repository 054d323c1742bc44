using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>PutObject for tests: reads the decoded body to its end, keeps it, answers with its MD5 ETag.</summary>
public sealed class EchoPutObject(ObjectStore store) : IS3Operation
{
    public S3OperationId Id => S3OperationId.PutObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var data = buffer.ToArray();
        store.Put(request.Target.Repository!, request.Target.Key!, new StoredObject(
            data, request.Headers["x-amz-content-sha256"].ToString(), request.ContentLength, request.Caller.User.Username));
        request.HttpContext.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";
    }
}

/// <summary>GetObject for tests: the body kept by <see cref="EchoPutObject"/>, or <c>NoSuchKey</c>.</summary>
public sealed class EchoGetObject(ObjectStore store) : IS3Operation
{
    public S3OperationId Id => S3OperationId.GetObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        var stored = store.Get(request.Target.Repository!, request.Target.Key!) ?? throw new S3ErrorException(S3Errors.NoSuchKey);
        var response = request.HttpContext.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength = stored.Data.Length;
        response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(stored.Data)) + "\"";
        await response.Body.WriteAsync(stored.Data, cancellationToken);
    }
}

/// <summary>ListBuckets for tests: one bucket named after the authenticated user, proving who was authenticated.</summary>
public sealed class WhoAmIListBuckets : IS3Operation
{
    public S3OperationId Id => S3OperationId.ListBuckets;

    public Task HandleAsync(S3Request request, CancellationToken cancellationToken) =>
        S3XmlResponse.WriteAsync(request.HttpContext, StatusCodes.Status200OK, xml =>
        {
            xml.WriteStartElement("ListAllMyBucketsResult", "http://s3.amazonaws.com/doc/2006-03-01/");
            xml.WriteStartElement("Buckets");
            xml.WriteStartElement("Bucket");
            xml.WriteElementString("CreationDate", "2024-01-02T03:04:05.000Z");
            xml.WriteElementString("Name", request.Caller.User.Username);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("Owner");
            xml.WriteElementString("DisplayName", "");
            xml.WriteElementString("ID", "");
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
}
