using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Endpoints.Versioning;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Api.Objects;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Objects;

/// <summary>Bulk delete and server-side copy of objects on a branch (versioning.md §11.12, §11.13).</summary>
internal static class ObjectBulkEndpoints
{
    public const int MaxDeletePaths = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/branches/{branch}/objects/delete", DeleteObjects).Operation("deleteObjects");
        api.MapPost("/repositories/{repository}/branches/{branch}/objects/copy", CopyObject).Operation("copyObject");
    }

    /// <summary>200 with per-path failures only; more than 1000 paths is a 400 (lakeFS: 500, §21 #7).</summary>
    private static async Task<IResult> DeleteObjects(
        string repository, string branch, bool? force, PathList body, VersionController versions, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        if (body.Paths.Count > MaxDeletePaths)
        {
            throw TarnException.Invalid($"request size exceeded, max paths is set to {MaxDeletePaths}");
        }

        IReadOnlyList<PathError> failures;
        try
        {
            await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
            failures = await catalog.DeleteManyAsync(repository, branch, body.Paths, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.Forbidden)
        {
            // A read-only repository refuses every path, reported per path as lakeFS does.
            await versions.GetBranchAsync(repository, branch, cancellationToken);
            failures = body.Paths.Where(p => !string.IsNullOrEmpty(p)).Select(p => new PathError(p, e.Kind, e.Message)).ToList();
        }

        var errors = failures.Select(f => new ObjectError(ApiErrorMapping.StatusFor(f.Kind), f.Message, f.Path)).ToList();
        return Results.Json(new ObjectErrorList(errors), TarnJson.Context.ObjectErrorList);
    }

    private static async Task<IResult> CopyObject(
        string repository,
        string branch,
        [FromQuery(Name = "dest_path")] string? destPath,
        ObjectCopyCreation body,
        VersionController versions,
        ObjectCatalog catalog,
        CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var entry = await catalog.CopyAsync(repository, body.SrcRef ?? string.Empty, body.SrcPath, branch, destPath ?? string.Empty, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        var stats = ObjectStatsMapper.ForObject(destPath!, entry, storageNamespace, catalog.Blocks, MetadataField.Always);
        return Results.Json(stats, TarnJson.Context.ObjectStats, statusCode: StatusCodes.Status201Created);
    }
}
