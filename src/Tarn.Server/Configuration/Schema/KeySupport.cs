namespace Tarn.Server.Configuration.Schema;

/// <summary>Whether Tarn acts on a lakeFS configuration key.</summary>
public enum KeySupport
{
    /// <summary>Read into <see cref="Settings.TarnSettings"/> and honoured.</summary>
    Supported,

    /// <summary>
    /// A genuine lakeFS key of a subsystem Tarn does not have (DynamoDB, Azure, OIDC, telemetry, caches…).
    /// It is type-checked so a lakeFS configuration file still loads, and setting it produces a warning.
    /// </summary>
    AcceptedIgnored,
}
