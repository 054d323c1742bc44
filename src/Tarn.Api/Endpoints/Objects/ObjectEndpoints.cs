using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Endpoints.Versioning;
using Tarn.Api.Hosting;
using Tarn.Api.Objects;
using Tarn.Api.Paging;
using Tarn.Api.Presign;
using Tarn.Blocks.Presign;
using Tarn.Catalog.Objects;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Objects;

/// <summary>Objects on branches and refs: upload, stat, list and delete (docs/objects.md).</summary>
internal static class ObjectEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/branches/{branch}/objects", UploadObject).Operation("uploadObject");
        api.MapDelete("/repositories/{repository}/branches/{branch}/objects", DeleteObject).Operation("deleteObject");
        api.MapGet("/repositories/{repository}/refs/{ref}/objects/stat", StatObject).Operation("statObject");
        api.MapGet("/repositories/{repository}/refs/{ref}/objects/ls", ListObjects).Operation("listObjects");
        ObjectReadEndpoints.Map(api);
    }

    private static async Task<IResult> UploadObject(
        string repository,
        string branch,
        string? path,
        bool? force,
        HttpRequest request,
        VersionController versions,
        ObjectCatalog catalog,
        CancellationToken cancellationToken)
    {
        var options = UploadOptions.FromRequest(request);
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        var body = await UploadBodyReader.OpenAsync(request, cancellationToken);
        var entry = await catalog.UploadAsync(
            repository,
            branch,
            path ?? string.Empty,
            body.Content,
            body.ContentType,
            options.UserMetadata,
            options.IfNoneMatchAll,
            body.Length ?? -1,
            cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        var stats = ObjectStatsMapper.ForObject(path!, entry, storageNamespace, catalog.Blocks, MetadataField.Always);
        return Results.Json(stats, TarnJson.Context.ObjectStats, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteObject(
        string repository, string branch, string? path, bool? force, VersionController versions, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        await catalog.DeleteAsync(repository, branch, path ?? string.Empty, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> StatObject(
        string repository,
        string @ref,
        string? path,
        [FromQuery(Name = "user_metadata")] bool? userMetadata,
        bool? presign,
        HttpRequest request,
        ObjectCatalog catalog,
        ObjectPresigner presigner,
        CancellationToken cancellationToken)
    {
        var entry = await catalog.StatAsync(repository, @ref, path ?? string.Empty, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        var metadata = userMetadata == false ? MetadataField.AlwaysEmpty : MetadataField.Always;
        var stats = ObjectStatsMapper.ForObject(path!, entry, storageNamespace, catalog.Blocks, metadata);
        if (presign == true)
        {
            stats = Presigned(stats, request, presigner);
        }

        return Results.Json(stats, TarnJson.Context.ObjectStats);
    }

    private static async Task<IResult> ListObjects(
        string repository,
        string @ref,
        PageQuery page,
        string? delimiter,
        [FromQuery(Name = "user_metadata")] bool? userMetadata,
        bool? presign,
        HttpRequest request,
        ObjectCatalog catalog,
        ObjectPresigner presigner,
        CancellationToken cancellationToken)
    {
        var found = await catalog.ListAsync(repository, @ref, page.Prefix, delimiter, page.After, page.Amount, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        var metadata = userMetadata == false ? MetadataField.Omitted : MetadataField.WhenNonEmpty;
        var results = found.Items
            .Select(item => item.Entry is { } entry
                ? ObjectStatsMapper.ForObject(item.Path, entry, storageNamespace, catalog.Blocks, metadata)
                : ObjectStatsMapper.ForCommonPrefix(item.Path))
            .Select(stats => presign == true && stats.PathType == PathType.Object ? Presigned(stats, request, presigner) : stats)
            .ToList();
        var nextOffset = found.HasMore ? results[^1].Path : string.Empty;
        var pagination = new Pagination(found.HasMore, nextOffset, results.Count, PageQuery.MaxAmount);
        return Results.Json(new ObjectStatsList(pagination, results), TarnJson.Context.ObjectStatsList);
    }

    private static ObjectStats Presigned(ObjectStats stats, HttpRequest request, ObjectPresigner presigner)
    {
        var link = presigner.Sign(request, PresignedMethod.Get, stats.PhysicalAddress);
        return ObjectStatsMapper.WithPresignedAddress(stats, link.Url, link.ExpiresAt);
    }
}
