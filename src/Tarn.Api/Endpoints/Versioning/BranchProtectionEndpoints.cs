using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// Branch protection (docs/repositories.md, "Branch protection"): the rule set with its ETag and <c>If-Match</c>, and the deprecated
/// one-rule internal endpoints.
/// </summary>
internal static class BranchProtectionEndpoints
{
    private const string SettingsRoute = "/repositories/{repository}/settings/branch_protection";
    private const string InternalRoute = "/repositories/{repository}/branch_protection";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(SettingsRoute, GetRules).Operation("getBranchProtectionRules");
        api.MapPut(SettingsRoute, SetRules).Operation("setBranchProtectionRules");
        api.MapGet(InternalRoute, GetRules).Operation("internalGetBranchProtectionRules");
        api.MapPost(InternalRoute, AddRule).Operation("internalCreateBranchProtectionRule");
        api.MapDelete(InternalRoute, DeleteRule).Operation("internalDeleteBranchProtectionRule");
        // The permission table checked branches:SetBranchProtectionRules; that is the whole answer.
        api.MapGet(InternalRoute + "/set_allowed", () => Results.NoContent()).Operation("createBranchProtectionRulePreflight");
    }

    private static async Task<IResult> GetRules(string repository, HttpResponse response, VersionController versions, CancellationToken cancellationToken)
    {
        var rules = await versions.GetBranchProtectionRulesAsync(repository, cancellationToken);
        response.Headers.ETag = rules.ETag;
        var body = rules.Patterns.Select(p => new BranchProtectionRule(p)).ToList();
        return Results.Json<IReadOnlyList<BranchProtectionRule>>(body, TarnJson.Context.IReadOnlyListBranchProtectionRule);
    }

    // If-Match: absent = unconditional, empty = "no rules stored yet", else the current ETag.
    private static async Task<IResult> SetRules(
        string repository, IReadOnlyList<BranchProtectionRule> body, HttpRequest request, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        string? ifMatch = request.Headers.TryGetValue("If-Match", out var values) ? values.ToString() : null;
        var patterns = body.Select(rule => rule?.Pattern ?? throw TarnException.Invalid("a rule must be an object with a pattern")).ToList();
        await versions.SetBranchProtectionRulesAsync(repository, patterns, ifMatch, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> AddRule(string repository, BranchProtectionRule body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        await versions.AddBranchProtectionRuleAsync(repository, body.Pattern, cancellationToken);
        return Results.NoContent();
    }

    // A missing rule is a 404 with no body.
    private static async Task<IResult> DeleteRule(string repository, [FromBody] BranchProtectionRule body, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force: false, cancellationToken);
        try
        {
            await versions.DeleteBranchProtectionRuleAsync(repository, body.Pattern, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound && e.Message == "branch protection rule not found")
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        return Results.NoContent();
    }
}
