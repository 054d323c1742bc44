using Microsoft.AspNetCore.Http;
using Tarn.Auth;
using Tarn.Core;

namespace Tarn.Api.Authentication;

/// <summary>The authenticated user of the current request, set by <see cref="ApiAuthenticationMiddleware"/>.</summary>
public sealed class ApiCaller(User user)
{
    public User User { get; } = user;

    /// <summary>The caller of a request whose operation requires authentication.</summary>
    public static ApiCaller From(HttpContext context) =>
        context.Features.Get<ApiCaller>()
        ?? throw new TarnException(ErrorKind.Unauthenticated, ApiAuthenticationMiddleware.FailureMessage);
}
