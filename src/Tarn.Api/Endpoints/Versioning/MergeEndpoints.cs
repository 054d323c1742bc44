using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Merge and merge base (docs/merge.md).</summary>
internal static class MergeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/refs/{sourceRef}/merge/{destinationBranch}", MergeIntoBranch).Operation("mergeIntoBranch");
        api.MapGet("/repositories/{repository}/refs/{sourceRef}/merge/{destinationBranch}", FindMergeBase).Operation("findMergeBase");
    }

    /// <summary>
    /// 200 <c>{"reference": id}</c>; a conflict is 409 with <c>{"reference": ""}</c>, not an Error (docs/http-api.md,
    /// "JSON shapes").
    /// </summary>
    private static async Task<IResult> MergeIntoBranch(
        HttpContext context, string repository, string sourceRef, string destinationBranch, Merge? body, VersionController versions, CancellationToken cancellationToken)
    {
        body ??= new Merge();
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var parameters = new MergeParams(CommitEndpoints.Committer(context)) { Message = body.Message, Metadata = body.Metadata, Strategy = body.Strategy };
        try
        {
            var commit = await versions.MergeAsync(repository, sourceRef, destinationBranch, parameters, cancellationToken);
            return Results.Json(new MergeResult(commit.Id.Value), TarnJson.Context.MergeResult);
        }
        catch (MergeConflictException)
        {
            return Results.Json(new MergeResult(""), TarnJson.Context.MergeResult, statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Both IDs in their proper roles; lakeFS swaps them (docs/merge.md, "Finding the merge base").</summary>
    private static async Task<IResult> FindMergeBase(
        string repository, string sourceRef, string destinationBranch, VersionController versions, CancellationToken cancellationToken)
    {
        var (source, destination, mergeBase) = await versions.FindMergeBaseAsync(repository, sourceRef, destinationBranch, cancellationToken);
        return Results.Json(
            new FindMergeBaseResult(source.Id.Value, destination.Id.Value, mergeBase.Id.Value), TarnJson.Context.FindMergeBaseResult);
    }
}
