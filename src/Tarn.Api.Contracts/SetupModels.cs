using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>Answer of <c>getSetupState</c>.</summary>
public sealed record SetupState(string State, bool CommPrefsMissing, LoginConfig LoginConfig);

/// <summary>What the web UI needs to render its login page.</summary>
public sealed record LoginConfig
{
    [JsonPropertyName("RBAC")]
    public string? Rbac { get; init; }

    public required string LoginUrl { get; init; }

    public string? LoginFailedMessage { get; init; }

    public string? FallbackLoginUrl { get; init; }

    public string? FallbackLoginLabel { get; init; }

    public required IReadOnlyList<string> LoginCookieNames { get; init; }

    public required string LogoutUrl { get; init; }
}

/// <summary>Body of <c>setup</c>: the first admin and, optionally, its keys.</summary>
public sealed record Setup
{
    public required string Username { get; init; }

    public AccessKeyCredentials? Key { get; init; }
}

/// <summary>Caller-chosen keys for setup.</summary>
public sealed record AccessKeyCredentials
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }
}

/// <summary>Credentials including the secret: only setup and createCredentials ever return this.</summary>
public sealed record CredentialsWithSecret(string AccessKeyId, string SecretAccessKey, long CreationDate);

/// <summary>
/// Body of <c>setupCommPrefs</c>. The spec requires both flags; they are checked by the handler, after the
/// email, so a body without an email is "email is required" whatever else it lacks.
/// </summary>
public sealed record CommPrefsInput
{
    public string? Email { get; init; }

    [JsonPropertyName("featureUpdates")]
    public bool? FeatureUpdates { get; init; }

    [JsonPropertyName("securityUpdates")]
    public bool? SecurityUpdates { get; init; }
}
