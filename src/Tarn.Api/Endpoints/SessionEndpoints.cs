using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Contracts;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Auth.Authentication;

namespace Tarn.Api.Endpoints;

/// <summary>
/// Login, logout, the current user and the auth capabilities (docs/access-control.md, "Login tokens and the session
/// cookie").
/// </summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", Login).PublicOperation("login");
        api.MapGet("/auth/capabilities", GetAuthCapabilities).PublicOperation("getAuthCapabilities");
        api.MapGet("/user", GetCurrentUser).Operation("getCurrentUser");
    }

    /// <summary><c>GET /logout</c> (outside /api/v1): revokes the session's token, clears the cookie, redirects.</summary>
    public static void MapLogout(IEndpointRouteBuilder root) => root.MapGet("/logout", Logout);

    private static async Task<IResult> Login(
        LoginInformation body, HttpContext context, BasicAuthenticator authenticator, TokenService tokens, TimeProvider time)
    {
        var client = context.Connection.RemoteIpAddress?.ToString();
        var outcome = await authenticator.AuthenticateBasicAsync(body.AccessKeyId, body.SecretAccessKey, client, context.RequestAborted);
        if (outcome.Status == AuthenticationStatus.Throttled)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(outcome.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiErrorWriter.Result(StatusCodes.Status429TooManyRequests, "too many failed authentication attempts, try again later");
        }

        if (!outcome.Succeeded)
        {
            return ApiErrorWriter.Result(StatusCodes.Status401Unauthorized, ApiAuthenticationMiddleware.FailureMessage);
        }

        var token = await tokens.IssueTokenAsync(outcome.User!.Username, context.RequestAborted);
        SessionCookie.Set(context, token.Token, token.ExpiresAt, time.GetUtcNow());
        return Results.Json(new AuthenticationToken(token.Token, token.ExpiresAt.ToUnixTimeSeconds()), TarnJson.Context.AuthenticationToken);
    }

    private static async Task<IResult> Logout(HttpContext context, TokenService tokens, ApiServerInfo info)
    {
        if (SessionCookie.Read(context.Request) is { } token)
        {
            await tokens.RevokeTokenAsync(token, context.RequestAborted);
        }

        SessionCookie.Clear(context);
        return Results.Redirect(info.LogoutRedirectUrl, permanent: false, preserveMethod: true);
    }

    // Tarn cannot send invitations; lakeFS omits forgot_password, and so does Tarn.
    private static IResult GetAuthCapabilities() =>
        Results.Json(new AuthCapabilities(InviteUser: false, ForgotPassword: null), TarnJson.Context.AuthCapabilities);

    private static IResult GetCurrentUser(HttpContext context)
    {
        var user = ApiCaller.From(context).User;
        var body = new CurrentUser(new User(
            user.Username,
            user.CreatedAt.ToUnixTimeSeconds(),
            FriendlyName: string.IsNullOrEmpty(user.FriendlyName) ? user.Username : user.FriendlyName,
            Email: user.Email));
        return Results.Json(body, TarnJson.Context.CurrentUser);
    }
}
