using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>Branches gateway requests off the shared listener, ahead of the API's middleware.</summary>
public static class S3GatewayPipeline
{
    /// <summary>
    /// Serves requests that <see cref="ProtocolDispatch"/> picks as S3 in their own branch: front
    /// middleware (request id, raw target, authentication, errors), then operation dispatch. Call it
    /// first, before the API's middleware, so no API layer sees a gateway request.
    /// </summary>
    public static IApplicationBuilder MapTarnS3Gateway(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dispatch = app.ApplicationServices.GetRequiredService<ProtocolDispatch>();
        return app.MapWhen(dispatch.IsGatewayRequest, gateway =>
        {
            gateway.UseMiddleware<S3GatewayMiddleware>();
            var dispatcher = gateway.ApplicationServices.GetRequiredService<S3OperationDispatcher>();
            gateway.Run(dispatcher.InvokeAsync);
        });
    }
}
