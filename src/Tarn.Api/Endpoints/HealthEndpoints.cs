using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Hosting;

namespace Tarn.Api.Endpoints;

/// <summary>Liveness: the spec's <c>healthCheck</c> and lakeFS's <c>/_health</c> outside the API.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/healthcheck", () => Results.NoContent()).PublicOperation("healthCheck");

    /// <summary><c>GET /_health</c>: plain text, used by load balancers and container probes.</summary>
    public static void MapRootHealth(IEndpointRouteBuilder root) =>
        root.MapGet("/_health", (ApiServerInfo info, HttpResponse response) =>
        {
            response.Headers["X-Lakefs-Installation-Id"] = info.InstallationId;
            return Results.Text("alive!", "text/plain; charset=utf-8");
        });
}
