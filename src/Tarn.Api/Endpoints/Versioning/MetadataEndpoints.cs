using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Catalog.Exports;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// Where committed metadata lives (<c>getMetaRange</c>, <c>getRange</c>), for clients that read range files
/// directly, and the Hive symlink export of a ref (<c>createSymlinkFile</c>): docs/repositories.md, "Range and
/// metarange locations" and "Symlink manifests".
/// </summary>
internal static class MetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/repositories/{repository}/metadata/meta_range/{meta_range}", GetMetaRange).Operation("getMetaRange");
        api.MapGet("/repositories/{repository}/metadata/range/{range}", GetRange).Operation("getRange");
        api.MapPost("/repositories/{repository}/refs/{branch}/symlink", CreateSymlinkFile).Operation("createSymlinkFile");
    }

    private static Task<IResult> GetMetaRange(
        string repository, [FromRoute(Name = "meta_range")] string metaRange, HttpResponse response, VersionController versions, CancellationToken cancellationToken) =>
        LocationAsync(repository, metaRange, response, versions, cancellationToken);

    private static Task<IResult> GetRange(
        string repository, string range, HttpResponse response, VersionController versions, CancellationToken cancellationToken) =>
        LocationAsync(repository, range, response, versions, cancellationToken);

    // Relative to the storage namespace, as lakeFS answers, and without an existence check: the ID
    // is only turned into a location, never read.
    private static async Task<IResult> LocationAsync(
        string repository, string id, HttpResponse response, VersionController versions, CancellationToken cancellationToken)
    {
        await versions.GetRepositoryAsync(repository, cancellationToken);
        var location = CommittedManager.RelativeLocation(id);
        response.Headers.Location = location;
        return Results.Json(new StorageUri(location), TarnJson.Context.StorageUri);
    }

    // {branch} may be any ref.
    private static async Task<IResult> CreateSymlinkFile(
        string repository, string branch, string? location, SymlinkManifests manifests, CancellationToken cancellationToken)
    {
        var folder = await manifests.WriteAsync(repository, branch, location, cancellationToken);
        return Results.Json(new StorageUri(folder), TarnJson.Context.StorageUri, statusCode: StatusCodes.Status201Created);
    }
}
