namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// The validated configuration of a Tarn server, grouped by area. Built only by
/// <see cref="TarnConfiguration.Load"/>; secret values are <see cref="SecretValue"/>s and print as <c>[SECRET]</c>.
/// </summary>
public sealed record TarnSettings
{
    public required ConfigProfile Profile { get; init; }

    public required ServerSettings Server { get; init; }

    public required LoggingSettings Logging { get; init; }

    public required DatabaseSettings Database { get; init; }

    public required BlockstoreSettings Blockstore { get; init; }

    public required CommittedSettings Committed { get; init; }

    public required AuthSettings Auth { get; init; }

    public required GatewaySettings Gateway { get; init; }

    public required ActionsSettings Actions { get; init; }

    public required InstallationSettings Installation { get; init; }

    public required EmailSubscriptionSettings EmailSubscription { get; init; }

    public required StatsSettings Stats { get; init; }

    public required UsageReportSettings UsageReport { get; init; }

    public required UiSettings Ui { get; init; }

    /// <summary>The effective <c>key = value</c> lines, already redacted, sorted by key.</summary>
    internal IReadOnlyList<string> EffectiveLines { get; init; } = [];

    /// <summary>
    /// The effective configuration, one <c>key = value</c> line per key that has a value (defaults included), sorted
    /// by key, with every secret shown as <c>[SECRET]</c>: safe to log at start-up.
    /// </summary>
    public IReadOnlyList<string> Describe() => EffectiveLines;
}
