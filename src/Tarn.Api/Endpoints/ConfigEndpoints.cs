using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Authorization;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Auth.Authorization;

namespace Tarn.Api.Endpoints;

/// <summary>Server configuration, version and storage capabilities (spec tags <c>config</c> and <c>internal</c>).</summary>
internal static class ConfigEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/config", GetConfig).Operation("getConfig");
        api.MapGet("/config/version", GetVersion).Operation("getLakeFSVersion");
        api.MapGet("/config/storage", GetStorageConfig).Operation("getStorageConfig");
        api.MapGet("/config/garbage-collection", GetGarbageCollectionConfig).Operation("getGarbageCollectionConfig");
    }

    private static VersionConfig Version(ApiServerInfo info) =>
        // Tarn never phones home, so it has no "latest version" to compare with.
        new(info.Version, UpgradeRecommended: false);

    // Any authenticated caller may read the version; the storage half needs fs:ReadConfig, and without it is left out
    // rather than failing the call (docs/access-control.md, "Public and authentication-only operations"; lakeFS sends
    // an empty object, which clients that check the schema's required fields reject, so Tarn omits it).
    private static async Task<IResult> GetConfig(ApiServerInfo info, HttpContext context, Authorizer authorizer)
    {
        var caller = ApiCaller.From(context).User.Username;
        var storage = await authorizer.IsAllowedAsync(caller, OperationPermissions.ReadConfig, context.RequestAborted) ? info.Storage : null;
        return Results.Json(new Config(Version(info), storage), TarnJson.Context.Config);
    }

    private static IResult GetVersion(ApiServerInfo info) =>
        Results.Json(Version(info), TarnJson.Context.VersionConfig);

    private static IResult GetStorageConfig(ApiServerInfo info) =>
        Results.Json(info.Storage, TarnJson.Context.StorageConfig);

    private static IResult GetGarbageCollectionConfig(ApiServerInfo info) =>
        Results.Json(new GarbageCollectionConfig(info.GarbageCollectionGracePeriodSeconds), TarnJson.Context.GarbageCollectionConfig);
}
