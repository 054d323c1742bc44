using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Presign;
using Tarn.Blocks;
using Tarn.Blocks.Presign;
using Tarn.Catalog.Retention;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Retention;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// Garbage-collection rules, under settings and at the deprecated internal routes, and the retained-commits export
/// the GC job starts from (docs/repositories.md, "Garbage-collection rules" and "Retained commits").
/// </summary>
internal static class RetentionRuleEndpoints
{
    private const string SettingsRoute = "/repositories/{repository}/settings/gc_rules";
    private const string InternalRoute = "/repositories/{repository}/gc/rules";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(SettingsRoute, GetRules).Operation("getGCRules");
        api.MapPut(SettingsRoute, SetRules).Operation("setGCRules");
        api.MapDelete(SettingsRoute, DeleteRules).Operation("deleteGCRules");
        api.MapGet(InternalRoute, GetRules).Operation("internalGetGarbageCollectionRules");
        api.MapPost(InternalRoute, SetRules).Operation("internalSetGarbageCollectionRules");
        api.MapDelete(InternalRoute, DeleteRules).Operation("internalDeleteGarbageCollectionRules");
        // The permission table checked retention:SetGarbageCollectionRules; that is the whole answer.
        api.MapGet(InternalRoute + "/set_allowed", () => Results.NoContent()).Operation("setGarbageCollectionRulesPreflight");
        api.MapPost("/repositories/{repository}/gc/prepare_commits", PrepareCommits).Operation("prepareGarbageCollectionCommits");
    }

    // The CSV's presigned URL is "" when the store cannot presign, as lakeFS answers.
    private static async Task<IResult> PrepareCommits(
        string repository,
        HttpRequest request,
        VersionController versions,
        GarbageCollectionPreparation preparation,
        IBlockAdapter blocks,
        ObjectPresigner presigner,
        CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        var prepared = await preparation.PrepareCommitsAsync(repository, cancellationToken);
        var presigned = PresignSupport.IsSupported(blocks)
            ? presigner.Sign(request, PresignedMethod.Get, blocks.GetPhysicalAddress(prepared.CommitsFile)).Url
            : string.Empty;
        var body = new GarbageCollectionPrepareResponse(prepared.RunId, prepared.CommitsLocation, prepared.AddressesLocation, presigned);
        return Results.Json(body, TarnJson.Context.GarbageCollectionPrepareResponse, statusCode: StatusCodes.Status201Created);
    }

    // "branches" is [] rather than lakeFS's null when there are no branch rules (docs/lakefs-quirks.md).
    private static async Task<IResult> GetRules(string repository, VersionController versions, CancellationToken cancellationToken)
    {
        var rules = await versions.GetRetentionRulesAsync(repository, cancellationToken);
        var body = new GarbageCollectionRules(
            rules.DefaultRetentionDays, [.. rules.Branches.Select(b => new GarbageCollectionRule(b.BranchId, b.RetentionDays))]);
        return Results.Json(body, TarnJson.Context.GarbageCollectionRules);
    }

    private static async Task<IResult> SetRules(string repository, GarbageCollectionRules body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        var rules = new RetentionRules(body.DefaultRetentionDays, [.. body.Branches.Select(b => new BranchRetention(b.BranchId, b.RetentionDays))]);
        await versions.SetRetentionRulesAsync(repository, rules, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> DeleteRules(string repository, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        await versions.DeleteRetentionRulesAsync(repository, cancellationToken);
        return Results.NoContent();
    }
}
