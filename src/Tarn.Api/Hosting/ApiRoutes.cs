using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Endpoints;
using Tarn.Api.Endpoints.Auth;
using Tarn.Api.Endpoints.Diffs;
using Tarn.Api.Endpoints.Objects;
using Tarn.Api.Endpoints.Versioning;
using Tarn.Api.Errors;
using Tarn.Api.Presign;

namespace Tarn.Api.Hosting;

/// <summary>Maps lakeFS API v1 under <c>/api/v1</c>: every spec operation is routed, built or not.</summary>
public static class ApiRoutes
{
    public const string BasePath = "/api/v1";

    public static IEndpointRouteBuilder MapTarnApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(BasePath);

        HealthEndpoints.Map(api);
        SetupEndpoints.Map(api);
        SessionEndpoints.Map(api);
        UserEndpoints.Map(api);
        GroupEndpoints.Map(api);
        CredentialEndpoints.Map(api);
        GroupAclEndpoints.Map(api);
        PolicyEndpoints.Map(api);
        ConfigEndpoints.Map(api);
        StatisticsEndpoints.Map(api);
        RepositoryEndpoints.Map(api);
        BranchEndpoints.Map(api);
        TagEndpoints.Map(api);
        CommitEndpoints.Map(api);
        MergeEndpoints.Map(api);
        HistoryEndpoints.Map(api);
        RepositoryMetadataEndpoints.Map(api);
        ObjectEndpoints.Map(api);
        ObjectBulkEndpoints.Map(api);
        StagingEndpoints.Map(api);
        MetadataEndpoints.Map(api);
        BranchProtectionEndpoints.Map(api);
        RetentionRuleEndpoints.Map(api);
        DiffEndpoints.Map(api);
        MapNotImplemented(api);

        HealthEndpoints.MapRootHealth(app);
        SessionEndpoints.MapLogout(app);
        PresignedUrlEndpoints.Map(app);
        return app;
    }

    private static void MapNotImplemented(IEndpointRouteBuilder api)
    {
        foreach (var (operationId, method, route) in NotImplementedOperations.All)
        {
            api.MapMethods(route, [method], () =>
                    ApiErrorWriter.Result(StatusCodes.Status501NotImplemented, "not implemented"))
                .WithName(operationId)
                .WithMetadata(new ApiOperation(operationId, ApiAccess.Authenticated, Implemented: false));
        }
    }
}
