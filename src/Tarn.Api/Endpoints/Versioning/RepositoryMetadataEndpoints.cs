using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// The internal repository metadata writes (docs/repositories.md, "Repository metadata"). Not blocked by read-only; an empty
/// change is a no-op answering 204 without looking the repository up, as lakeFS does.
/// </summary>
internal static class RepositoryMetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/metadata", SetRepositoryMetadata).Operation("setRepositoryMetadata");
        api.MapDelete("/repositories/{repository}/metadata", DeleteRepositoryMetadata).Operation("deleteRepositoryMetadata");
    }

    private static async Task<IResult> SetRepositoryMetadata(
        string repository, RepositoryMetadataSet body, VersionController versions, CancellationToken cancellationToken)
    {
        if (body.Metadata.Count > 0)
        {
            await versions.UpdateRepositoryMetadataAsync(repository, body.Metadata, null, cancellationToken);
        }

        return Results.NoContent();
    }

    /// <summary>DELETE with a body: ASP.NET infers bodies only for POST/PUT/PATCH, hence the explicit <c>[FromBody]</c>.</summary>
    private static async Task<IResult> DeleteRepositoryMetadata(
        string repository, [FromBody] RepositoryMetadataKeys body, VersionController versions, CancellationToken cancellationToken)
    {
        if (body.Keys.Count > 0)
        {
            await versions.UpdateRepositoryMetadataAsync(repository, null, body.Keys, cancellationToken);
        }

        return Results.NoContent();
    }
}
