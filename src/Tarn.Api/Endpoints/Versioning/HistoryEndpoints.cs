using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// Rewriting branch history: hard reset, revert, cherry-pick and raw commit records (docs/refs.md, "Hard reset";
/// docs/merge.md, "Revert and cherry-pick"; docs/commits.md, "Creating commit records").
/// </summary>
internal static class HistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/repositories/{repository}/branches/{branch}/hard_reset", HardResetBranch).Operation("hardResetBranch");
        api.MapPost("/repositories/{repository}/branches/{branch}/revert", RevertBranch).Operation("revertBranch");
        api.MapPost("/repositories/{repository}/branches/{branch}/cherry-pick", CherryPick).Operation("cherryPick");
        api.MapPost("/repositories/{repository}/commits", CreateCommitRecord).Operation("CreateCommitRecord");
    }

    private static async Task<IResult> HardResetBranch(
        string repository,
        string branch,
        [FromQuery(Name = "ref")] string reference,
        bool? force,
        VersionController versions,
        CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        await versions.HardResetAsync(repository, branch, reference, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>204 with no body: lakeFS does not return the revert commit.</summary>
    private static async Task<IResult> RevertBranch(
        HttpContext context, string repository, string branch, RevertCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        await versions.RevertAsync(
            repository, branch, body.Ref, body.ParentNumber, CommitEndpoints.Committer(context), body.AllowEmpty == true, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> CherryPick(
        HttpContext context, string repository, string branch, CherryPickCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var commit = await versions.CherryPickAsync(repository, branch, body.Ref, body.ParentNumber, CommitEndpoints.Committer(context), cancellationToken);
        return Results.Json(VersioningDtos.Commit(commit), TarnJson.Context.Commit, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Stores the record verbatim; the engine checks the ID against the hashed fields (docs/commits.md, "Commit IDs").</summary>
    private static async Task<IResult> CreateCommitRecord(
        string repository, CommitRecordCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var record = new CommitRecord(
            new CommitId(body.CommitId),
            body.Committer,
            body.Message,
            DateTimeOffset.FromUnixTimeSeconds(body.CreationDate),
            new MetaRangeId(body.MetarangeId),
            body.Metadata ?? new Dictionary<string, string>(),
            [.. body.Parents.Select(parent => new CommitId(parent))],
            body.Version,
            body.Generation);
        await versions.CreateCommitRecordAsync(repository, record, cancellationToken);
        return Results.NoContent();
    }
}
