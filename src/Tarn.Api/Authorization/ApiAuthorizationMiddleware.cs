using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Auth.Authorization;

namespace Tarn.Api.Authorization;

/// <summary>
/// Authorizes every non-public operation from <see cref="OperationPermissions"/>, after authentication and
/// before the handler: the caller's effective policies must allow the operation's permission, else 401
/// <c>{"message":"insufficient permissions"}</c> (lakeFS answers 401, not 403: docs/access-control.md, "Denials are 401").
/// </summary>
public sealed class ApiAuthorizationMiddleware
{
    public const string DeniedMessage = "insufficient permissions";

    private readonly RequestDelegate _next;
    private readonly Authorizer _authorizer;

    public ApiAuthorizationMiddleware(RequestDelegate next, Authorizer authorizer, EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _next = next;
        _authorizer = authorizer;

        // The pipeline is built when the server starts, so a route without a permission entry stops start-up.
        OperationPermissionsCheck.EnsureConsistent(endpoints.Endpoints, OperationPermissions.ByOperationId);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>();
        if (operation is null || operation.Access == ApiAccess.Public)
        {
            await _next(context);
            return;
        }

        // Unreachable after the start-up check; refusing is the only safe answer if it ever happens.
        var permission = OperationPermissions.ByOperationId.GetValueOrDefault(operation.OperationId)
            ?? throw new InvalidOperationException($"No permission entry for operation {operation.OperationId}.");
        if (permission.Kind == PermissionKind.Checked && !await IsGrantedAsync(context, permission))
        {
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, DeniedMessage);
            return;
        }

        await _next(context);
    }

    private async Task<bool> IsGrantedAsync(HttpContext context, OperationPermission permission)
    {
        var caller = ApiCaller.From(context);
        var request = await PermissionRequest.ReadAsync(context, permission.ReadsBody);
        var required = permission.Rule!(request);
        var result = await _authorizer.AuthorizeAsync(caller.User.Username, required, context.RequestAborted);
        return result == AuthorizationResult.Allow;
    }
}
