using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tarn.Core;

namespace Tarn.Api.Errors;

/// <summary>
/// Turns every failure under /api/v1 into lakeFS's error body: domain errors by kind, malformed requests
/// as 400, and anything unexpected as a 500 whose details stay in the log, never in the answer.
/// </summary>
public sealed partial class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, message) = Describe(exception);
            if (status >= StatusCodes.Status500InternalServerError && status != StatusCodes.Status501NotImplemented)
            {
                Log.UnhandledError(logger, context.Request.Method, context.Request.Path, exception);
            }

            context.Response.Clear();
            await ApiErrorWriter.WriteAsync(context, status, message);
        }
    }

    private static (int Status, string Message) Describe(Exception exception) => exception switch
    {
        TarnException tarn => (ApiErrorMapping.StatusFor(tarn.Kind), tarn.Message),
        BadHttpRequestException bad => (StatusCodes.Status400BadRequest, BadRequestMessage(bad)),
        JsonException json => (StatusCodes.Status400BadRequest, JsonErrorText.Describe(json)),
        _ => (StatusCodes.Status500InternalServerError, "internal server error"),
    };

    // The framework's texts name the parameter or the JSON problem; the inner JsonException is more precise.
    private static string BadRequestMessage(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? JsonErrorText.Describe(json) : bad.Message;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
        public static partial void UnhandledError(ILogger logger, string method, PathString path, Exception exception);
    }
}
