namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// <c>stats.enabled</c>, default false in Tarn. Tarn has no telemetry and sends nothing whatever the value;
/// it is kept only so it can be reported. The other <c>stats.*</c> keys are accepted and ignored.
/// </summary>
public sealed record StatsSettings
{
    public required bool Enabled { get; init; }
}
