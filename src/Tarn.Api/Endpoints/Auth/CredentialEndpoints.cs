using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Auth.Management;

namespace Tarn.Api.Endpoints.Auth;

/// <summary>A user's access keys (docs/access-control.md, "Access keys"). Only creation ever answers with a secret.</summary>
internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/users/{userId}/credentials", ListUserCredentials).Operation("listUserCredentials");
        api.MapPost("/auth/users/{userId}/credentials", CreateCredentials).Operation("createCredentials");
        api.MapGet("/auth/users/{userId}/credentials/{accessKeyId}", GetCredentials).Operation("getCredentials");
        api.MapDelete("/auth/users/{userId}/credentials/{accessKeyId}", DeleteCredentials).Operation("deleteCredentials");
    }

    private static async Task<IResult> ListUserCredentials(string userId, AuthPageQuery page, CredentialService credentials, CancellationToken cancellationToken)
    {
        var found = await credentials.ListAsync(userId, page.Request, cancellationToken);
        var (results, pagination) = AuthPageQuery.Envelope(found, AuthDtos.Credentials);
        return Results.Json(new CredentialsList(pagination, results), TarnJson.Context.CredentialsList);
    }

    private static async Task<IResult> CreateCredentials(string userId, CredentialService credentials, CancellationToken cancellationToken)
    {
        var created = await credentials.CreateAsync(userId, key: null, cancellationToken);
        var body = new CredentialsWithSecret(created.AccessKeyId, created.SecretAccessKey, created.CreatedAt.ToUnixTimeSeconds());
        return Results.Json(body, TarnJson.Context.CredentialsWithSecret, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetCredentials(string userId, string accessKeyId, CredentialService credentials, CancellationToken cancellationToken) =>
        Results.Json(AuthDtos.Credentials(await credentials.GetAsync(userId, accessKeyId, cancellationToken)), TarnJson.Context.Credentials);

    private static async Task<IResult> DeleteCredentials(string userId, string accessKeyId, CredentialService credentials, CancellationToken cancellationToken)
    {
        await credentials.DeleteAsync(userId, accessKeyId, cancellationToken);
        return Results.NoContent();
    }
}
