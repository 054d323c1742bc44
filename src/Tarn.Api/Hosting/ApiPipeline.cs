using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Api.Authentication;
using Tarn.Api.Errors;
using Tarn.Api.Usage;

namespace Tarn.Api.Hosting;

/// <summary>The middleware of the API, in order, applied only to requests under <c>/api/v1</c>.</summary>
public static class ApiPipeline
{
    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiRoutes.BasePath);

    /// <summary>Before routing: request id, error translation, usage counting.</summary>
    public static IApplicationBuilder UseTarnApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.Use(static (context, next) =>
            {
                context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
                return next(context);
            });
            api.UseMiddleware<ApiExceptionMiddleware>();
            var info = app.ApplicationServices.GetRequiredService<ApiServerInfo>();
            if (info.UsageReportEnabled)
            {
                var counter = app.ApplicationServices.GetRequiredService<UsageCounter>();
                api.Use((context, next) =>
                {
                    counter.Increment();
                    return next(context);
                });
            }
        });

    /// <summary>After routing (the operation's metadata is known): authentication.</summary>
    public static IApplicationBuilder UseTarnApiAuthentication(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api => api.UseMiddleware<ApiAuthenticationMiddleware>());
}
