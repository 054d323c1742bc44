namespace Tarn.Load.Reporting;

/// <summary>Everything one run measured; this is the JSON result file's shape.</summary>
internal sealed record RunReport(
    string Scenario,
    DateTimeOffset StartedAt,
    RunParameters Parameters,
    WorkloadReport Result,
    IReadOnlyList<BaselineComparison> Baselines,
    string? Note,
    ServerFigures? Server,
    MachineFigures Machine);
