using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Errors;
using Tarn.Api.Hosting;
using Tarn.Auth;
using Tarn.Auth.Setup;

namespace Tarn.Api.Endpoints;

/// <summary>First-time setup (docs/access-control.md, "Setup"): state, the first admin, communication preferences. All public.</summary>
internal static class SetupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/setup_lakefs", GetSetupState).PublicOperation("getSetupState");
        api.MapPost("/setup_lakefs", Setup).PublicOperation("setup");
        api.MapPost("/setup_comm_prefs", SetupCommPrefs).PublicOperation("setupCommPrefs");
    }

    private static async Task<IResult> GetSetupState(SetupService setup, ApiServerInfo info, CancellationToken cancellationToken)
    {
        var state = await setup.GetStateAsync(cancellationToken);
        var body = new Contracts.SetupState(state.Initialized ? "initialized" : "not_initialized", state.CommPrefsMissing, info.LoginConfig);
        return Results.Json(body, TarnJson.Context.SetupState);
    }

    private static async Task<IResult> Setup(Contracts.Setup body, SetupService setup, CancellationToken cancellationToken)
    {
        AccessKeyPair? key = null;
        if (body.Key is { } requested)
        {
            // The spec gives both fields minLength 1.
            if (requested.AccessKeyId.Length == 0 || requested.SecretAccessKey.Length == 0)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "key: access_key_id and secret_access_key must not be empty");
            }

            key = new AccessKeyPair(requested.AccessKeyId, requested.SecretAccessKey);
        }

        var credential = await setup.SetupAsync(body.Username, key, cancellationToken);
        var answer = new CredentialsWithSecret(credential.AccessKeyId, credential.SecretAccessKey, credential.CreatedAt.ToUnixTimeSeconds());
        return Results.Json(answer, TarnJson.Context.CredentialsWithSecret);
    }

    private static async Task<IResult> SetupCommPrefs(CommPrefsInput body, SetupService setup, CancellationToken cancellationToken)
    {
        // The input is judged before the installation's state, the email first (lakeFS answers a bare JSON
        // string for a missing one; Tarn uses its error shape like everywhere else).
        SetupService.ValidateEmail(body.Email);
        if (body.FeatureUpdates is not { } featureUpdates || body.SecurityUpdates is not { } securityUpdates)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, "invalid request body: featureUpdates and securityUpdates are required");
        }

        await setup.SetCommPrefsAsync(new CommPrefs(body.Email!, featureUpdates, securityUpdates), cancellationToken);
        return Results.Ok();
    }
}
