using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Signing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>
/// The front of the gateway branch: request id, no body size limit (a PUT may be 5 GiB), raw target
/// parsing, authentication, and translation of every failure below into an S3 XML error. Logs carry
/// method, status and code, never the URL's query, the Authorization header or any credential.
/// </summary>
internal sealed partial class S3GatewayMiddleware(
    RequestDelegate next, S3TargetParser parser, S3Authenticator authenticator, GatewayOptions options, ILogger<S3GatewayMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers[S3ErrorWriter.RequestIdHeader] = requestId;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        S3Target? target = null;
        try
        {
            var raw = RawRequestTarget.From(context);
            var query = S3Query.Parse(raw.Query);
            target = parser.Parse(context.Request.Host.Value ?? "", raw);
            var feature = new S3RequestFeature(raw, query, target);
            context.Features.Set(feature);
            var (caller, length) = await authenticator.AuthenticateAsync(context, raw, query);
            feature.Caller = caller;
            feature.ContentLength = length;
            await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            var error = S3ErrorMapper.Map(exception, target);
            if (error.Status >= StatusCodes.Status500InternalServerError && exception is not S3ErrorException)
            {
                LogUnexpected(logger, exception, context.Request.Method);
            }
            else
            {
                LogRefused(logger, context.Request.Method, error.Status, error.Code);
            }

            if (context.Response.HasStarted)
            {
                // Too late for an error body: abort so the client sees a broken response, not a short success.
                context.Abort();
                return;
            }

            // An error replaces whatever the operation had set, except the throttling hint.
            var retryAfter = context.Response.Headers.RetryAfter;
            context.Response.Clear();
            context.Response.Headers[S3ErrorWriter.RequestIdHeader] = requestId;
            context.Response.Headers.RetryAfter = retryAfter;
            await S3ErrorWriter.WriteAsync(context, error, target, options.Region);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "S3 gateway {Method} request failed")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "S3 gateway {Method} request refused: {Status} {Code}")]
    private static partial void LogRefused(ILogger logger, string method, int status, string code);
}
