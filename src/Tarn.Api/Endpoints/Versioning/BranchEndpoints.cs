using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Branches (docs/refs.md, "Branches" and "Resetting a branch").</summary>
internal static class BranchEndpoints
{
    /// <summary>lakeFS answers createBranch with the bare commit ID in this type (docs/http-api.md, "JSON shapes").</summary>
    public const string PlainText = "text/plain; charset=utf-8";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/repositories/{repository}/branches", ListBranches).Operation("listBranches");
        api.MapPost("/repositories/{repository}/branches", CreateBranch).Operation("createBranch");
        api.MapGet("/repositories/{repository}/branches/{branch}", GetBranch).Operation("getBranch");
        api.MapDelete("/repositories/{repository}/branches/{branch}", DeleteBranch).Operation("deleteBranch");
        api.MapPut("/repositories/{repository}/branches/{branch}", ResetBranch).Operation("resetBranch");
    }

    private static async Task<IResult> ListBranches(string repository, PageQuery page, VersionController versions, CancellationToken cancellationToken)
    {
        var found = await versions.ListBranchesAsync(repository, VersioningDtos.Request(page), cancellationToken);
        var results = found.Items.Select(VersioningDtos.Branch).ToList();
        return Results.Json(new RefList(VersioningDtos.Pagination(found), results), TarnJson.Context.RefList);
    }

    private static async Task<IResult> CreateBranch(string repository, BranchCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        var branch = await versions.CreateBranchAsync(repository, body.Name, body.Source, cancellationToken);
        return Results.Text(branch.CommitId.Value, PlainText, Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetBranch(string repository, string branch, VersionController versions, CancellationToken cancellationToken) =>
        Results.Json(VersioningDtos.Branch(await versions.GetBranchAsync(repository, branch, cancellationToken)), TarnJson.Context.Ref);

    private static async Task<IResult> DeleteBranch(string repository, string branch, bool? force, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        await versions.DeleteBranchAsync(repository, branch, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>Discards uncommitted changes: all of them, one object's, or those under a prefix.</summary>
    private static async Task<IResult> ResetBranch(
        string repository, string branch, ResetCreation body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, body.Force, cancellationToken);
        switch (body.Type)
        {
            case ResetType.Reset:
                await versions.ResetBranchAsync(repository, branch, cancellationToken);
                break;
            case ResetType.Object:
                IdentifierRules.EnsurePath(body.Path);
                await versions.ResetKeyAsync(repository, branch, Encoding.UTF8.GetBytes(body.Path!), cancellationToken);
                break;
            default:
                await versions.ResetPrefixAsync(repository, branch, Encoding.UTF8.GetBytes(body.Path ?? ""), cancellationToken);
                break;
        }

        return Results.NoContent();
    }
}
