using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Routing;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.S3.Operations;

/// <summary>An authenticated gateway request as operations see it.</summary>
public sealed class S3Request
{
    public required HttpContext HttpContext { get; init; }

    public required S3OperationId Operation { get; init; }

    /// <summary>Repository, ref and path (decoded from the raw target).</summary>
    public required S3Target Target { get; init; }

    /// <summary>The query parameters (decoded values; names case-sensitive).</summary>
    public required S3Query Query { get; init; }

    public required S3Caller Caller { get; init; }

    /// <summary>
    /// The repository the request names, looked up after authorization (docs/gateway.md, "Repository lookup"); null for
    /// service-level requests.
    /// </summary>
    public RepositoryRecord? Repository { get; init; }

    /// <summary>The looked-up repository; for operations below the service level, where it always exists.</summary>
    public RepositoryRecord RequiredRepository =>
        Repository ?? throw new InvalidOperationException($"{Operation} runs with a looked-up repository.");

    /// <summary>The object length: <c>x-amz-decoded-content-length</c> for aws-chunked bodies, else <c>Content-Length</c>.</summary>
    public long? ContentLength { get; init; }

    /// <summary>
    /// The decoded body. Digests and chunk signatures are verified while it is read; a failure throws from
    /// the read that reaches the end, so record nothing until a read has returned 0.
    /// </summary>
    public Stream Body => HttpContext.Request.Body;

    /// <summary>The request headers.</summary>
    public IHeaderDictionary Headers => HttpContext.Request.Headers;
}
