namespace Tarn.Server.Configuration.Settings;

/// <summary><c>usage_report.*</c>: usage counters served by <c>getUsageReportSummary</c>.</summary>
public sealed record UsageReportSettings
{
    public required bool Enabled { get; init; }

    public required TimeSpan FlushInterval { get; init; }
}
