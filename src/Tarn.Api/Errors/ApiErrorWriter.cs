using Microsoft.AspNetCore.Http;
using Tarn.Api.Contracts;

namespace Tarn.Api.Errors;

/// <summary>Writes lakeFS's error shape: <c>application/json</c> <c>{"message": "..."}</c>.</summary>
public static class ApiErrorWriter
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new Error(message), TarnJson.Context.Error, cancellationToken: context.RequestAborted);
    }

    /// <summary>An error as an endpoint result, for handlers that answer an error without throwing.</summary>
    public static IResult Result(int status, string message) =>
        Results.Json(new Error(message), TarnJson.Context.Error, statusCode: status);
}
