namespace Tarn.Server.Configuration.Settings;

/// <summary><c>auth.ui_config.*</c>: the mode and the values echoed in <c>GET /setup_lakefs</c> <c>login_config</c>.</summary>
public sealed record AuthUiConfigSettings
{
    public required RbacMode Rbac { get; init; }

    public string? LoginUrl { get; init; }

    public required string LoginFailedMessage { get; init; }

    public string? FallbackLoginUrl { get; init; }

    public string? FallbackLoginLabel { get; init; }

    public required IReadOnlyList<string> LoginCookieNames { get; init; }

    public string? LogoutUrl { get; init; }
}
