using Microsoft.AspNetCore.Http;

namespace Tarn.Api.Authentication;

/// <summary>
/// The <c>internal_auth_session</c> cookie. Its value is the login JWT itself (lakeFS wraps it in a Go
/// "securecookie"; the format is private to the server, clients only echo it). Unlike lakeFS it is
/// HttpOnly and SameSite=Lax, Secure over TLS, and lives no longer than the token.
/// </summary>
public static class SessionCookie
{
    public const string Name = "internal_auth_session";

    public static void Set(HttpContext context, string token, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, token, Options(context, expiresAt - now));
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, TimeSpan.Zero));
    }

    /// <summary>The token carried by the request's cookie, if any.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static CookieOptions Options(HttpContext context, TimeSpan lifetime) => new()
    {
        Path = "/",
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero,
    };
}
