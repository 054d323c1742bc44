using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tarn.Load.Api;

namespace Tarn.Load.Baselines;

/// <summary>
/// The "no work" HTTP server the HTTP baselines talk to, run as a child process (the hidden
/// <c>baseline-server</c> command) so it is separated from the load generator exactly like the Tarn server:
/// <c>GET /get</c> answers a static array, <c>PUT /put</c> drains the body, <c>GET /static</c> sends a file.
/// </summary>
internal static class BareKestrelServer
{
    /// <summary>Bigger GET payloads are compared with the static-file baseline instead; the array is capped to stay small.</summary>
    public const long MaxArrayPayload = 64L * 1024 * 1024;

    public static async Task RunAsync(int port, long objectSize, string? staticFile, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        await using var app = builder.Build();
        var payload = Payloads.Bytes(Math.Min(objectSize, MaxArrayPayload));
        app.MapGet("/health", () => Results.Ok());
        app.MapGet("/get", () => Results.Bytes(payload, "application/octet-stream"));
        app.MapPut("/put", async (HttpRequest request, CancellationToken token) =>
        {
            var buffer = new byte[64 * 1024];
            while (await request.Body.ReadAsync(buffer, token) > 0)
            {
            }

            return Results.NoContent();
        });
        if (staticFile is not null)
        {
            app.MapGet("/static", () => Results.File(staticFile, "application/octet-stream"));
        }

        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
