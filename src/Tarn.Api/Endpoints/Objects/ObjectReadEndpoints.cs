using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Api.Objects;
using Tarn.Api.Contracts;
using Tarn.Api.Presign;
using Tarn.Blocks;
using Tarn.Blocks.Presign;
using Tarn.Catalog.Objects;
using Tarn.Core;

namespace Tarn.Api.Endpoints.Objects;

/// <summary>
/// Reading object data: <c>getObject</c> and <c>headObject</c> with ETag, Last-Modified and Range (docs/objects.md,
/// "Reading an object" and "Range requests"). The data is copied from the block store to the response without buffering it whole.
/// </summary>
internal static class ObjectReadEndpoints
{
    private const string ObjectsRoute = "/repositories/{repository}/refs/{ref}/objects";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(ObjectsRoute, GetObject).Operation("getObject");
        api.MapMethods(ObjectsRoute, [HttpMethods.Head], HeadObject).Operation("headObject");
        api.MapGet(ObjectsRoute + "/underlyingProperties", GetUnderlyingProperties).Operation("getUnderlyingProperties");
    }

    // The store's own view of the data (docs/objects.md, "Stat and underlying properties"); no store Tarn has reports a storage class, so
    // the answer is {} unless the data is gone (410, where lakeFS answers a bare 500).
    private static async Task<IResult> GetUnderlyingProperties(
        string repository, string @ref, string? path, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        var entry = await catalog.StatAsync(repository, @ref, path ?? string.Empty, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        var pointer = ObjectCatalog.PointerOf(entry, storageNamespace);
        _ = await catalog.Blocks.HeadAsync(pointer, cancellationToken) ?? throw new BlockNotFoundException(pointer.ToString());
        return Results.Json(new UnderlyingObjectProperties(), TarnJson.Context.UnderlyingObjectProperties);
    }

    private static async Task GetObject(
        HttpContext context,
        string repository,
        string @ref,
        string? path,
        bool? presign,
        ObjectCatalog catalog,
        ObjectPresigner presigner,
        CancellationToken cancellationToken)
    {
        var rangeHeader = context.Request.Headers.Range.ToString();
        RangeHeader.Validate(rangeHeader);
        var entry = await catalog.StatAsync(repository, @ref, path ?? string.Empty, cancellationToken);
        if (presign == true)
        {
            var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
            var address = ObjectStatsMapper.PhysicalAddress(entry, storageNamespace, catalog.Blocks);
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = presigner.Sign(context.Request, PresignedMethod.Get, address).Url;
            return;
        }

        var selection = RangeHeader.Select(rangeHeader, entry.Size);
        if (selection.Kind == RangeSelectionKind.Unsatisfiable)
        {
            ObjectHeaders.ApplyRange(context.Response, selection);
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status416RangeNotSatisfiable, RangeHeader.NotSatisfiableMessage);
            return;
        }

        // Opened before any header is set, so missing data still becomes a clean 410 error answer.
        await using var data = await catalog.OpenDataAsync(repository, entry, selection.ToByteRange(), cancellationToken);
        ObjectHeaders.Apply(context.Response, entry);
        ObjectHeaders.ApplyRange(context.Response, selection);
        await data.Data.CopyToAsync(context.Response.Body, cancellationToken);
    }

    // HEAD answers never carry a body, errors included, so failures are turned into bare statuses here.
    private static async Task HeadObject(HttpContext context, string repository, string @ref, string? path, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            var rangeHeader = context.Request.Headers.Range.ToString();
            RangeHeader.Validate(rangeHeader);
            var entry = await catalog.StatAsync(repository, @ref, path ?? string.Empty, cancellationToken);
            var selection = RangeHeader.Select(rangeHeader, entry.Size);
            if (selection.Kind == RangeSelectionKind.Unsatisfiable)
            {
                ObjectHeaders.ApplyRange(context.Response, selection);
                return;
            }

            // Opening proves the data is still there (410 otherwise) without reading any of it.
            await using (await catalog.OpenDataAsync(repository, entry, selection.ToByteRange(), cancellationToken))
            {
            }

            ObjectHeaders.Apply(context.Response, entry);
            ObjectHeaders.ApplyRange(context.Response, selection);
        }
        catch (TarnException e) when (e.Kind is not (ErrorKind.Unauthenticated or ErrorKind.PermissionDenied))
        {
            context.Response.StatusCode = ApiErrorMapping.StatusFor(e.Kind);
        }
    }
}
