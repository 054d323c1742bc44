using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Tarn.Api.Authentication;
using Tarn.Api.Authorization;
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
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return next(context);
            });
            api.UseMiddleware<ApiExceptionMiddleware>();
            api.Use(RefuseForeignCharsets);
            api.Use(WriteRoutingFailures);
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

    // JSON bodies are UTF-8 (lakeFS reads them so whatever the header says). A charset naming anything else
    // would make the body reader fail (a 500) or, for a real encoding, make a permission rule (which reads
    // UTF-8) and the handler see different values; so any other charset is refused up front.
    private static Task RefuseForeignCharsets(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media)
            && media.MediaType.Value is { } type
            && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            && media.Parameters.Any(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            && !(media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "unsupported charset: JSON request bodies must be UTF-8");
        }

        return next(context);
    }

    // Routing answers unmatched requests with a bare status. Give them lakeFS's error body: an unknown
    // path is "invalid API endpoint" (500 in lakeFS, 404 here: docs/lakefs-quirks.md, "Unknown API paths are 404"), and a body that is
    // not JSON where JSON is expected is a 400, as lakeFS's request validator answers.
    private static async Task WriteRoutingFailures(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status404NotFound when context.GetEndpoint() is null:
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status404NotFound, "invalid API endpoint");
                break;
            case StatusCodes.Status405MethodNotAllowed:
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "invalid API endpoint: method not allowed");
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, "request body has an unsupported content type (expected application/json)");
                break;
        }
    }

    /// <summary>
    /// After routing (the operation's metadata is known): the policy API's mode gate, authentication, then
    /// authorization from the operation permission table. One call, so none of the three can be left out.
    /// </summary>
    public static IApplicationBuilder UseTarnApiAccessControl(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api =>
        {
            api.UseMiddleware<PolicyApiGate>();
            api.UseMiddleware<ApiAuthenticationMiddleware>();
            api.UseMiddleware<ApiAuthorizationMiddleware>();
        });
}
