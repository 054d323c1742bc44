using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Auth;
using Tarn.Auth.Management;
using Tarn.Core;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>Users and the groups a user belongs to (docs/access-control.md, "Users, groups and credentials").</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/users", ListUsers).Operation("listUsers");
        api.MapPost("/auth/users", CreateUser).Operation("createUser");
        api.MapGet("/auth/users/{userId}", GetUser).Operation("getUser");
        api.MapDelete("/auth/users/{userId}", DeleteUser).Operation("deleteUser");
        api.MapGet("/auth/users/{userId}/groups", ListUserGroups).Operation("listUserGroups");
    }

    private static async Task<IResult> ListUsers(AuthPageQuery page, UserService users, CancellationToken cancellationToken)
    {
        var (results, pagination) = AuthPageQuery.Envelope(await users.ListAsync(page.Request, cancellationToken), AuthDtos.User);
        return Results.Json(new UserList(pagination, results), TarnJson.Context.UserList);
    }

    private static async Task<IResult> CreateUser(UserCreation body, UserService users, CancellationToken cancellationToken)
    {
        if (body.InviteUser == true)
        {
            // An invitation is an e-mail, and Tarn has no mail service: refuse honestly, after lakeFS's own check.
            if (!MailAddress.TryCreate(body.Id, out _))
            {
                throw TarnException.Invalid("invalid email address");
            }

            throw new TarnException(ErrorKind.NotImplemented, "Not implemented");
        }

        var user = await users.CreateAsync(new NewUser(body.Id), cancellationToken);
        return Results.Json(AuthDtos.User(user), TarnJson.Context.User, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetUser(string userId, UserService users, CancellationToken cancellationToken) =>
        Results.Json(AuthDtos.User(await users.GetAsync(userId, cancellationToken)), TarnJson.Context.User);

    private static async Task<IResult> DeleteUser(string userId, UserService users, CancellationToken cancellationToken)
    {
        await users.DeleteAsync(userId, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ListUserGroups(string userId, AuthPageQuery page, GroupService groups, CancellationToken cancellationToken)
    {
        var found = await groups.ListUserGroupsAsync(userId, page.Request, cancellationToken);
        var (results, pagination) = AuthPageQuery.Envelope(found, AuthDtos.ListedGroup);
        return Results.Json(new GroupList(pagination, results), TarnJson.Context.GroupList);
    }
}
