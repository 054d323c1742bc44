using Tarn.Catalog.Objects;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>PUT /{repo}/{branch}/{path}</c> (docs/gateway.md, "Writing objects"): streams the (decoded, verifying) body to a new
/// address and stages the entry with its MD5, content type and <c>x-amz-meta-*</c> metadata. Nothing is
/// staged unless the whole body arrived and every declared digest matched. <c>If-None-Match: *</c> makes
/// the write conditional on the path being absent (412 <c>PreconditionFailed</c>).
/// </summary>
public sealed class PutObject(ObjectCatalog catalog, BranchWrites branches) : IS3Operation
{
    public S3OperationId Id => S3OperationId.PutObject;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var branch = await branches.RequireWritableBranchAsync(request, cancellationToken);
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString().Trim();
        if (ifNoneMatch.Length > 0 && ifNoneMatch != "*")
        {
            throw new S3ErrorException(S3Errors.NotImplemented.WithMessage("If-None-Match on PUT supports only '*'."));
        }

        var entry = await catalog.UploadAsync(
            request.RequiredRepository.Id,
            branch,
            request.Target.Path!,
            request.Body,
            request.HttpContext.Request.ContentType,
            AmzMetadata.Read(request.Headers),
            ifAbsent: ifNoneMatch == "*",
            request.ContentLength ?? -1,
            cancellationToken);
        request.HttpContext.Response.StatusCode = 200;
        request.HttpContext.Response.Headers.ETag = S3Format.QuotedETag(entry.Checksum);
    }
}
