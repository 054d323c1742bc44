using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Endpoints.Versioning;
using Tarn.Api.Hosting;
using Tarn.Api.Objects;
using Tarn.Api.Presign;
using Tarn.Blocks.Presign;
using Tarn.Catalog.Linking;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Objects;

/// <summary>
/// The staging API (docs/objects.md, "Linking data the client wrote"): clients write data themselves, to an address the server issued
/// (optionally through a presigned PUT URL), then link it at a path; plus the internal <c>stageObject</c> and
/// the <c>uploadObjectPreflight</c> permission probe (docs/objects.md, "Upload preflight").
/// </summary>
internal static class StagingEndpoints
{
    private const string BackingRoute = "/repositories/{repository}/branches/{branch}/staging/backing";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(BackingRoute, GetPhysicalAddress).Operation("getPhysicalAddress");
        api.MapPut(BackingRoute, LinkPhysicalAddress).Operation("linkPhysicalAddress");
        api.MapPut("/repositories/{repository}/branches/{branch}/objects", StageObject).Operation("stageObject");
        // The permission table already checked fs:WriteObject on the path; that is the whole answer.
        api.MapGet("/repositories/{repository}/branches/{branch}/objects/stage_allowed", () => Results.NoContent())
            .Operation("uploadObjectPreflight");
    }

    // The branch and path are not checked here: they matter when the address is linked.
    private static async Task<IResult> GetPhysicalAddress(
        string repository, bool? presign, HttpRequest request, LinkedObjects links, ObjectPresigner presigner, CancellationToken cancellationToken)
    {
        var issued = await links.IssueAsync(repository, cancellationToken);
        var location = new StagingLocation { PhysicalAddress = issued.PhysicalAddress };
        if (presign == true)
        {
            var link = presigner.Sign(request, PresignedMethod.Put, issued.PhysicalAddress);
            location = location with { PresignedUrl = link.Url, PresignedUrlExpiry = link.ExpiresAt.ToUnixTimeSeconds() };
        }

        return Results.Json(location, TarnJson.Context.StagingLocation);
    }

    private static async Task<IResult> LinkPhysicalAddress(
        string repository,
        string branch,
        string? path,
        StagingMetadata body,
        HttpRequest request,
        VersionController versions,
        LinkedObjects links,
        ObjectCatalog catalog,
        CancellationToken cancellationToken)
    {
        await versions.GetRepositoryAsync(repository, cancellationToken);
        var ifAbsent = IfNoneMatchHeader.RequiresAbsence(request.Headers);
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var address = body.Staging.PhysicalAddress ?? throw TarnException.Invalid("staging.physical_address is required");
        var data = new LinkedData(address, body.Checksum, body.SizeBytes, body.ContentType, body.UserMetadata);
        var entry = await links.LinkAsync(repository, branch, path ?? string.Empty, data, ifAbsent, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        // lakeFS echoes the address as the client sent it, not re-qualified.
        var stats = ObjectStatsMapper.ForObject(path!, entry, storageNamespace, catalog.Blocks, MetadataField.Always) with { PhysicalAddress = address };
        return Results.Json(stats, TarnJson.Context.ObjectStats);
    }

    private static async Task<IResult> StageObject(
        string repository,
        string branch,
        string? path,
        ObjectStageCreation body,
        VersionController versions,
        LinkedObjects links,
        ObjectCatalog catalog,
        CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var modified = body.Mtime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        var data = new LinkedData(body.PhysicalAddress, body.Checksum, body.SizeBytes, body.ContentType, body.Metadata, modified);
        var entry = await links.StageAsync(repository, branch, path ?? string.Empty, data, cancellationToken);
        var storageNamespace = await catalog.StorageNamespaceAsync(repository, cancellationToken);
        // Fully qualified, and without the metadata field (docs/objects.md, "Staging an existing address").
        var stats = ObjectStatsMapper.ForObject(path!, entry, storageNamespace, catalog.Blocks, MetadataField.Omitted);
        return Results.Json(stats, TarnJson.Context.ObjectStats, statusCode: StatusCodes.Status201Created);
    }
}
