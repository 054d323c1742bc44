using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Commits and the commit log (docs/commits.md, "Committing" and "The commit log").</summary>
internal static class CommitEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/repositories/{repository}/branches/{branch}/commits", CreateCommit).Operation("commit");
        api.MapGet("/repositories/{repository}/commits/{commitId}", GetCommit).Operation("getCommit");
        api.MapGet("/repositories/{repository}/refs/{ref}/commits", LogCommits).Operation("logCommits");
    }

    /// <summary>The committer lakeFS records: the caller's email when set, else the username (docs/commits.md, "Commit records").</summary>
    public static string Committer(HttpContext context)
    {
        var user = ApiCaller.From(context).User;
        return string.IsNullOrEmpty(user.Email) ? user.Username : user.Email;
    }

    private static async Task<IResult> CreateCommit(
        HttpContext context,
        string repository,
        string branch,
        CommitCreation body,
        [FromQuery(Name = "source_metarange")] string? sourceMetaRange,
        VersionController versions,
        CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var parameters = new CommitParams(Committer(context), body.Message)
        {
            Metadata = body.Metadata,
            Date = body.Date is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            AllowEmpty = body.AllowEmpty == true,
            SourceMetaRange = string.IsNullOrEmpty(sourceMetaRange) ? null : new MetaRangeId(sourceMetaRange),
        };
        var commit = await versions.CommitAsync(repository, branch, parameters, cancellationToken);
        return Results.Json(VersioningDtos.Commit(commit), TarnJson.Context.Commit, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetCommit(string repository, string commitId, VersionController versions, CancellationToken cancellationToken) =>
        Results.Json(VersioningDtos.Commit(await versions.GetCommitAsync(repository, commitId, cancellationToken)), TarnJson.Context.Commit);

    private static async Task<IResult> LogCommits(
        string repository, [FromRoute(Name = "ref")] string reference, LogQuery query, VersionController versions, CancellationToken cancellationToken)
    {
        var page = await versions.LogAsync(repository, reference, query.Request, cancellationToken);
        var pagination = new Pagination(page.HasMore, page.NextOffset, page.Commits.Count, PageQuery.MaxAmount);
        return Results.Json(new CommitList(pagination, [.. page.Commits.Select(VersioningDtos.Commit)]), TarnJson.Context.CommitList);
    }
}
