namespace Tarn.Server.Configuration;

/// <summary>
/// The start-up profiles of lakeFS (docs/configuration.md, "Profiles"): extra defaults below the file and the
/// environment.
/// </summary>
public enum ConfigProfile
{
    /// <summary>No profile: database, block store and secret must be configured.</summary>
    None,

    /// <summary><c>--local-settings</c>: local database and block store, placeholder secret. Not for production.</summary>
    LocalSettings,

    /// <summary><c>--quickstart</c>: local settings plus the well-known quickstart admin credentials, on loopback.</summary>
    Quickstart,
}
