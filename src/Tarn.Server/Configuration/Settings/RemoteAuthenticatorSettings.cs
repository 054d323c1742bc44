namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// <c>auth.remote_authenticator.*</c>: password checks against an external HTTP service (docs/configuration.md,
/// "Authentication"; not built yet).
/// </summary>
public sealed record RemoteAuthenticatorSettings
{
    public required bool Enabled { get; init; }

    /// <summary>Set whenever <see cref="Enabled"/> is true.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Group of users created on their first remote login.</summary>
    public required string DefaultUserGroup { get; init; }

    public required TimeSpan RequestTimeout { get; init; }
}
