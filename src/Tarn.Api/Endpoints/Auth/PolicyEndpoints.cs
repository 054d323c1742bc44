using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Auth.Management;
using Tarn.Core;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>
/// Policies and their attachments to users and groups (docs/access-control.md, "Policies"). Served in internal RBAC mode
/// only; in simplified mode every operation here answers 501 before authentication (docs/access-control.md, "RBAC modes").
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/policies", ListPolicies).PolicyOperation("listPolicies");
        api.MapPost("/auth/policies", CreatePolicy).PolicyOperation("createPolicy");
        api.MapGet("/auth/policies/{policyId}", GetPolicy).PolicyOperation("getPolicy");
        api.MapPut("/auth/policies/{policyId}", UpdatePolicy).PolicyOperation("updatePolicy");
        api.MapDelete("/auth/policies/{policyId}", DeletePolicy).PolicyOperation("deletePolicy");
        api.MapGet("/auth/users/{userId}/policies", ListUserPolicies).PolicyOperation("listUserPolicies");
        api.MapPut("/auth/users/{userId}/policies/{policyId}", AttachPolicyToUser).PolicyOperation("attachPolicyToUser");
        api.MapDelete("/auth/users/{userId}/policies/{policyId}", DetachPolicyFromUser).PolicyOperation("detachPolicyFromUser");
        api.MapGet("/auth/groups/{groupId}/policies", ListGroupPolicies).PolicyOperation("listGroupPolicies");
        api.MapPut("/auth/groups/{groupId}/policies/{policyId}", AttachPolicyToGroup).PolicyOperation("attachPolicyToGroup");
        api.MapDelete("/auth/groups/{groupId}/policies/{policyId}", DetachPolicyFromGroup).PolicyOperation("detachPolicyFromGroup");
    }

    private static async Task<IResult> ListPolicies(AuthPageQuery page, PolicyService policies, CancellationToken cancellationToken) =>
        PolicyPage(await policies.ListAsync(page.Request, cancellationToken));

    private static async Task<IResult> CreatePolicy(Policy body, PolicyService policies, CancellationToken cancellationToken)
    {
        var created = await policies.CreateAsync(body.Id, AuthDtos.Statements(body), cancellationToken: cancellationToken);
        return Results.Json(AuthDtos.Policy(created), TarnJson.Context.Policy, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetPolicy(string policyId, PolicyService policies, CancellationToken cancellationToken) =>
        Results.Json(AuthDtos.Policy(await policies.GetAsync(policyId, cancellationToken)), TarnJson.Context.Policy);

    private static async Task<IResult> UpdatePolicy(string policyId, Policy body, PolicyService policies, CancellationToken cancellationToken)
    {
        if (body.Id != policyId)
        {
            throw TarnException.Invalid("can't update policy id");
        }

        var updated = await policies.UpdateAsync(policyId, AuthDtos.Statements(body), cancellationToken: cancellationToken);
        return Results.Json(AuthDtos.Policy(updated), TarnJson.Context.Policy);
    }

    private static async Task<IResult> DeletePolicy(string policyId, PolicyService policies, CancellationToken cancellationToken)
    {
        await policies.DeleteAsync(policyId, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ListUserPolicies(
        string userId, AuthPageQuery page, bool? effective, PolicyService policies, CancellationToken cancellationToken) =>
        PolicyPage(await policies.ListUserPoliciesAsync(userId, page.Request, effective == true, cancellationToken));

    private static async Task<IResult> AttachPolicyToUser(string userId, string policyId, PolicyService policies, CancellationToken cancellationToken)
    {
        await policies.AttachToUserAsync(userId, policyId, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> DetachPolicyFromUser(string userId, string policyId, PolicyService policies, CancellationToken cancellationToken)
    {
        await policies.DetachFromUserAsync(userId, policyId, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ListGroupPolicies(string groupId, AuthPageQuery page, PolicyService policies, CancellationToken cancellationToken) =>
        PolicyPage(await policies.ListGroupPoliciesAsync(groupId, page.Request, cancellationToken));

    private static async Task<IResult> AttachPolicyToGroup(string groupId, string policyId, PolicyService policies, CancellationToken cancellationToken)
    {
        await policies.AttachToGroupAsync(groupId, policyId, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> DetachPolicyFromGroup(string groupId, string policyId, PolicyService policies, CancellationToken cancellationToken)
    {
        await policies.DetachFromGroupAsync(groupId, policyId, cancellationToken);
        return Results.NoContent();
    }

    private static IResult PolicyPage(Tarn.Auth.Page<Tarn.Auth.Policy> page)
    {
        var (results, pagination) = AuthPageQuery.Envelope(page, AuthDtos.Policy);
        return Results.Json(new PolicyList(pagination, results), TarnJson.Context.PolicyList);
    }
}
