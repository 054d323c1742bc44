using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Authorization;
using Tarn.Api.Contracts;
using Tarn.Api.Endpoints.Versioning;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Api.Objects;
using Tarn.Auth.Authorization;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Objects;

/// <summary>Bulk delete and server-side copy of objects on a branch (docs/objects.md, "Bulk delete" and "Copying an object").</summary>
internal static class ObjectBulkEndpoints
{
    public const int MaxDeletePaths = 1000;

    /// <summary>The message of a path the caller may not delete (docs/access-control.md, "The permission table").</summary>
    public const string UnauthorizedMessage = "Unauthorized";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/branches/{branch}/objects/delete", DeleteObjects).Operation("deleteObjects");
        api.MapPost("/repositories/{repository}/branches/{branch}/objects/copy", CopyObject).Operation("copyObject");
    }

    /// <summary>
    /// 200 with per-path failures only; more than 1000 paths is a 400 (lakeFS: 500). Each path needs
    /// <c>fs:DeleteObject</c>: denied paths become 401 items and the others are deleted. When
    /// every path is denied nothing else is looked at, so the caller learns nothing about the branch.
    /// </summary>
    private static async Task<IResult> DeleteObjects(
        HttpContext context,
        string repository,
        string branch,
        bool? force,
        PathList body,
        VersionController versions,
        ObjectCatalog catalog,
        Authorizer authorizer,
        CancellationToken cancellationToken)
    {
        if (body.Paths.Count > MaxDeletePaths)
        {
            throw TarnException.Invalid($"request size exceeded, max paths is set to {MaxDeletePaths}");
        }

        var caller = ApiCaller.From(context).User.Username;
        var errors = new List<ObjectError>();
        var allowed = new List<string>(body.Paths.Count);
        foreach (var path in body.Paths)
        {
            if (string.IsNullOrEmpty(path) || await authorizer.IsAllowedAsync(caller, OperationPermissions.DeleteObject(repository, path), cancellationToken))
            {
                allowed.Add(path);
            }
            else
            {
                errors.Add(new ObjectError(StatusCodes.Status401Unauthorized, UnauthorizedMessage, path));
            }
        }

        if (errors.Count == 0 || allowed.Any(path => !string.IsNullOrEmpty(path)))
        {
            var failures = await DeleteAllowedAsync(repository, branch, force, allowed, versions, catalog, cancellationToken);
            errors.AddRange(failures.Select(f => new ObjectError(ApiErrorMapping.StatusFor(f.Kind), f.Message, f.Path)));
        }

        return Results.Json(new ObjectErrorList(errors), TarnJson.Context.ObjectErrorList);
    }

    private static async Task<IReadOnlyList<PathError>> DeleteAllowedAsync(
        string repository, string branch, bool? force, IReadOnlyList<string> paths, VersionController versions, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
            return await catalog.DeleteManyAsync(repository, branch, paths, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.Forbidden)
        {
            // A read-only repository refuses every path, reported per path as lakeFS does.
            await versions.GetBranchAsync(repository, branch, cancellationToken);
            return paths.Where(p => !string.IsNullOrEmpty(p)).Select(p => new PathError(p, e.Kind, e.Message)).ToList();
        }
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
