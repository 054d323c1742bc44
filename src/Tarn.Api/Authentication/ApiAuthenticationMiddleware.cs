using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Auth;
using Tarn.Auth.Authentication;

namespace Tarn.Api.Authentication;

/// <summary>
/// Authenticates API requests as lakeFS does (docs/access-control.md, "Authenticating API requests"): bearer JWT, then
/// basic access key/secret, then the session cookie; the first scheme present decides, and a present scheme that fails
/// answers 401 at once. Unlike lakeFS, a request with no credentials never reaches a non-public handler.
/// </summary>
public sealed class ApiAuthenticationMiddleware(RequestDelegate next, BasicAuthenticator basic, TokenService tokens)
{
    public const string FailureMessage = "error authenticating request";

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>();
        if (operation is null || operation.Access == ApiAccess.Public)
        {
            await next(context);
            return;
        }

        var outcome = await AuthenticateAsync(context);
        switch (outcome.Status)
        {
            case AuthenticationStatus.Authenticated:
                context.Features.Set(new ApiCaller(outcome.User!));
                await next(context);
                break;
            case AuthenticationStatus.Throttled:
                context.Response.Headers.RetryAfter = Math.Ceiling(outcome.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "too many failed authentication attempts, try again later");
                break;
            default:
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, FailureMessage);
                break;
        }
    }

    private async Task<AuthenticationResult> AuthenticateAsync(HttpContext context)
    {
        var cancellation = context.RequestAborted;
        var header = context.Request.Headers.Authorization.ToString();
        var fields = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 2 && fields[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return FromUser(await tokens.ValidateTokenAsync(fields[1], cancellation));
        }

        if (fields.Length == 2 && fields[0].Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDecodeBasic(fields[1], out var accessKeyId, out var secret))
            {
                return AuthenticationResult.Invalid;
            }

            var client = context.Connection.RemoteIpAddress?.ToString();
            return await basic.AuthenticateBasicAsync(accessKeyId, secret, client, cancellation);
        }

        if (SessionCookie.Read(context.Request) is { } cookieToken)
        {
            return FromUser(await tokens.ValidateTokenAsync(cookieToken, cancellation));
        }

        return AuthenticationResult.Invalid;
    }

    private static AuthenticationResult FromUser(User? user) =>
        user is null ? AuthenticationResult.Invalid : AuthenticationResult.Success(user);

    private static bool TryDecodeBasic(string encoded, out string accessKeyId, out string secret)
    {
        accessKeyId = secret = "";
        Span<byte> buffer = stackalloc byte[Math.Min(encoded.Length, 2048)];
        if (encoded.Length > buffer.Length || !Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        accessKeyId = text[..colon];
        secret = text[(colon + 1)..];
        return true;
    }
}
