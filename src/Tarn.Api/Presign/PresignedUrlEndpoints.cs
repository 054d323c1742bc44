using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Errors;
using Tarn.Api.Objects;
using Tarn.Blocks;
using Tarn.Blocks.Presign;
using Tarn.Core;

namespace Tarn.Api.Presign;

/// <summary>
/// Serves the URLs <see cref="ObjectPresigner"/> issues: <c>GET</c>/<c>HEAD</c> (with a single Range) of an
/// object's data and <c>PUT</c> of new data to a staging address. The signature is the only credential, as
/// with S3 presigned URLs; it binds method, address and expiry. Lives outside <c>/api/v1</c>, so it answers
/// its own errors in lakeFS's JSON shape.
/// </summary>
public static class PresignedUrlEndpoints
{
    private const string Route = PresignedUrlSigner.PathPrefix + "{token}";

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], Read);
        app.MapPut(Route, Write);
    }

    private static Task Read(HttpContext context, string token, PresignedUrlSigner signer, IBlockAdapter blocks) =>
        AnswerErrorsAsync(context, async () =>
        {
            var address = Verify(context, signer, PresignedMethod.Get, token);
            var pointer = ObjectPointer.Full(address);
            var properties = await blocks.HeadAsync(pointer, context.RequestAborted)
                ?? throw TarnException.NotFound("not found");
            var selection = RangeHeader.Select(context.Request.Headers.Range.ToString(), properties.Size);
            ObjectHeaders.ApplyRange(context.Response, selection);
            if (selection.Kind == RangeSelectionKind.Unsatisfiable)
            {
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers.AcceptRanges = "bytes";
            context.Response.Headers.LastModified = ObjectHeaders.LastModified(properties.LastModified);
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            await using var data = await blocks.GetAsync(pointer, selection.ToByteRange(), context.RequestAborted);
            await data.Data.CopyToAsync(context.Response.Body, context.RequestAborted);
        });

    private static Task Write(HttpContext context, string token, PresignedUrlSigner signer, IBlockAdapter blocks) =>
        AnswerErrorsAsync(context, async () =>
        {
            var address = Verify(context, signer, PresignedMethod.Put, token);
            var pointer = ObjectPointer.Full(address);
            // Data is never overwritten (docs/objects.md, "Physical addresses"): a PUT URL is for a fresh staging address, and
            // once data is there (and maybe linked into commits) the URL cannot replace it.
            if (await blocks.HeadAsync(pointer, context.RequestAborted) is not null)
            {
                throw new TarnException(ErrorKind.PreconditionFailed, "data already exists at this address");
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            var written = await blocks.PutAsync(pointer, context.Request.Body, context.Request.ContentLength ?? -1, context.RequestAborted);
            context.Response.Headers.ETag = ObjectHeaders.ETag(written.ETag);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });

    private static string Verify(HttpContext context, PresignedUrlSigner signer, PresignedMethod method, string token)
    {
        var query = context.Request.Query;
        var verdict = signer.Verify(
            method, token, Single(query, PresignedUrlSigner.ExpiresParameter), Single(query, PresignedUrlSigner.SignatureParameter));
        return verdict.Status switch
        {
            PresignedUrlStatus.Valid => verdict.PhysicalAddress!,
            PresignedUrlStatus.Malformed => throw TarnException.Invalid("malformed presigned URL"),
            PresignedUrlStatus.Expired => throw new TarnException(ErrorKind.Forbidden, "presigned URL has expired"),
            _ => throw new TarnException(ErrorKind.Forbidden, "presigned URL signature does not match"),
        };
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static async Task AnswerErrorsAsync(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (TarnException e) when (!context.Response.HasStarted)
        {
            var status = e.Kind == ErrorKind.Gone ? StatusCodes.Status404NotFound : ApiErrorMapping.StatusFor(e.Kind);
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = status;
                return;
            }

            await ApiErrorWriter.WriteAsync(context, status, e.Message);
        }
    }
}
