using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Auth.Management;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>Groups and their members (docs/access-control.md, "Users, groups and credentials").</summary>
internal static class GroupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/groups", ListGroups).Operation("listGroups");
        api.MapPost("/auth/groups", CreateGroup).Operation("createGroup");
        api.MapGet("/auth/groups/{groupId}", GetGroup).Operation("getGroup");
        api.MapDelete("/auth/groups/{groupId}", DeleteGroup).Operation("deleteGroup");
        api.MapGet("/auth/groups/{groupId}/members", ListGroupMembers).Operation("listGroupMembers");
        api.MapPut("/auth/groups/{groupId}/members/{userId}", AddGroupMembership).Operation("addGroupMembership");
        api.MapDelete("/auth/groups/{groupId}/members/{userId}", DeleteGroupMembership).Operation("deleteGroupMembership");
    }

    private static async Task<IResult> ListGroups(AuthPageQuery page, GroupService groups, CancellationToken cancellationToken)
    {
        var (results, pagination) = AuthPageQuery.Envelope(await groups.ListAsync(page.Request, cancellationToken), AuthDtos.ListedGroup);
        return Results.Json(new GroupList(pagination, results), TarnJson.Context.GroupList);
    }

    private static async Task<IResult> CreateGroup(GroupCreation body, GroupService groups, CancellationToken cancellationToken)
    {
        var group = await groups.CreateAsync(body.Id, cancellationToken);
        return Results.Json(AuthDtos.ListedGroup(group), TarnJson.Context.Group, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetGroup(string groupId, GroupService groups, CancellationToken cancellationToken) =>
        Results.Json(AuthDtos.Group(await groups.GetAsync(groupId, cancellationToken)), TarnJson.Context.Group);

    private static async Task<IResult> DeleteGroup(string groupId, GroupService groups, CancellationToken cancellationToken)
    {
        await groups.DeleteAsync(groupId, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ListGroupMembers(string groupId, AuthPageQuery page, GroupService groups, CancellationToken cancellationToken)
    {
        var found = await groups.ListMembersAsync(groupId, page.Request, cancellationToken);
        var (results, pagination) = AuthPageQuery.Envelope(found, AuthDtos.User);
        return Results.Json(new UserList(pagination, results), TarnJson.Context.UserList);
    }

    private static async Task<IResult> AddGroupMembership(string groupId, string userId, GroupService groups, CancellationToken cancellationToken)
    {
        await groups.AddMemberAsync(groupId, userId, cancellationToken);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteGroupMembership(string groupId, string userId, GroupService groups, CancellationToken cancellationToken)
    {
        await groups.RemoveMemberAsync(groupId, userId, cancellationToken);
        return Results.NoContent();
    }
}
