using Microsoft.AspNetCore.Http;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Auth;

namespace Tarn.Api.Authorization;

/// <summary>
/// In simplified (ACL) mode the policy operations do not exist, as in lakeFS open source: they answer 501
/// <c>{"message":"Not implemented"}</c> before any authentication or authorization (docs/access-control.md, "RBAC modes").
/// </summary>
public sealed class PolicyApiGate(RequestDelegate next, ApiServerInfo info)
{
    public const string Message = "Not implemented";

    public Task InvokeAsync(HttpContext context)
    {
        if (info.RbacMode != RbacMode.Internal && context.GetEndpoint()?.Metadata.GetMetadata<PolicyApiOperation>() is not null)
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status501NotImplemented, Message);
        }

        return next(context);
    }
}
