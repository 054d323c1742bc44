using Microsoft.AspNetCore.Builder;

namespace Tarn.Api.Hosting;

/// <summary>
/// The one way an endpoint declares which lakeFS operation it is and who may call it. What an authenticated
/// caller must be granted is not declared here but in <see cref="Authorization.OperationPermissions"/>, keyed
/// by the same operationId.
/// </summary>
public static class EndpointConventions
{
    /// <summary>Names the endpoint after its spec operationId and marks it as needing an authenticated user.</summary>
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string operationId) =>
        builder.WithName(operationId).WithMetadata(new ApiOperation(operationId, ApiAccess.Authenticated));

    /// <summary>Names the endpoint after its spec operationId and lets anyone call it.</summary>
    public static RouteHandlerBuilder PublicOperation(this RouteHandlerBuilder builder, string operationId) =>
        builder.WithName(operationId).WithMetadata(new ApiOperation(operationId, ApiAccess.Public));

    /// <summary>An operation of the policy API: authenticated, and only served in internal RBAC mode.</summary>
    public static RouteHandlerBuilder PolicyOperation(this RouteHandlerBuilder builder, string operationId) =>
        builder.Operation(operationId).WithMetadata(PolicyApiOperation.Instance);
}
