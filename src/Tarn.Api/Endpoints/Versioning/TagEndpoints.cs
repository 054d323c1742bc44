using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Tags: immutable named pointers to commits (docs/refs.md, "Tags").</summary>
internal static class TagEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/repositories/{repository}/tags", ListTags).Operation("listTags");
        api.MapPost("/repositories/{repository}/tags", CreateTag).Operation("createTag");
        api.MapGet("/repositories/{repository}/tags/{tag}", GetTag).Operation("getTag");
        api.MapDelete("/repositories/{repository}/tags/{tag}", DeleteTag).Operation("deleteTag");
    }

    private static async Task<IResult> ListTags(string repository, PageQuery page, VersionController versions, CancellationToken cancellationToken)
    {
        var found = await versions.ListTagsAsync(repository, VersioningDtos.Request(page), cancellationToken);
        var results = found.Items.Select(VersioningDtos.Tag).ToList();
        return Results.Json(new RefList(VersioningDtos.Pagination(found), results), TarnJson.Context.RefList);
    }

    private static async Task<IResult> CreateTag(string repository, TagCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var tag = await versions.CreateTagAsync(repository, body.Id, body.Ref, cancellationToken);
        return Results.Json(VersioningDtos.Tag(tag), TarnJson.Context.Ref, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetTag(string repository, string tag, VersionController versions, CancellationToken cancellationToken) =>
        Results.Json(VersioningDtos.Tag(await versions.GetTagAsync(repository, tag, cancellationToken)), TarnJson.Context.Ref);

    private static async Task<IResult> DeleteTag(string repository, string tag, bool? force, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        await versions.DeleteTagAsync(repository, tag, cancellationToken);
        return Results.NoContent();
    }
}
