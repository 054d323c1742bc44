using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Auth.Management;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>Group ACLs, the permission model of simplified mode (docs/access-control.md, "Group ACLs"); served in both modes.</summary>
internal static class GroupAclEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/groups/{groupId}/acl", GetGroupAcl).Operation("getGroupACL");
        api.MapPost("/auth/groups/{groupId}/acl", SetGroupAcl).Operation("setGroupACL");
    }

    private static async Task<IResult> GetGroupAcl(string groupId, GroupAclService acls, CancellationToken cancellationToken)
    {
        try
        {
            var permission = await acls.GetAsync(groupId, cancellationToken);
            return Results.Json(new Acl { Permission = permission }, TarnJson.Context.Acl);
        }
        catch (NoAclException e)
        {
            // The web UI tells "group without an ACL" from "no such group" by this flag.
            return Results.Json(new ErrorNoAcl(e.Message, NoAcl: true), TarnJson.Context.ErrorNoAcl, statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static async Task<IResult> SetGroupAcl(string groupId, Acl body, GroupAclService acls, CancellationToken cancellationToken)
    {
        await acls.SetAsync(groupId, body.Permission, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }
}
