using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Api.Usage;
using Tarn.Core;

namespace Tarn.Api.Endpoints;

/// <summary>Client statistics (accepted and dropped) and the usage report.</summary>
internal static class StatisticsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/statistics", PostStatsEvents).Operation("postStatsEvents");
        api.MapGet("/usage-report/summary", GetUsageReportSummary).Operation("getUsageReportSummary");
    }

    // The body is validated as lakeFS validates it, then dropped: Tarn sends no telemetry anywhere.
    private static IResult PostStatsEvents(StatsEventsList body)
    {
        foreach (var statsEvent in body.Events)
        {
            if (statsEvent.Class.Length == 0)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "invalid value: class is required");
            }

            if (statsEvent.Name.Length == 0)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "invalid value: name is required");
            }

            if (statsEvent.Count < 0)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "invalid value: count must be a non-negative integer");
            }
        }

        return Results.NoContent();
    }

    private static async Task<IResult> GetUsageReportSummary(ApiServerInfo info, UsageCounter counter, CancellationToken cancellationToken)
    {
        if (!info.UsageReportEnabled)
        {
            throw new TarnException(ErrorKind.NotFound, "usage report is not enabled");
        }

        var reports = await counter.ReadAsync(cancellationToken);
        return Results.Json(new InstallationUsageReport(info.InstallationId, reports), TarnJson.Context.InstallationUsageReport);
    }
}
