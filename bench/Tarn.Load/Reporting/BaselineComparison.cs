namespace Tarn.Load.Reporting;

/// <summary>A baseline's figures and the scenario's throughput as a fraction of it (0.42 = 42% of the baseline).</summary>
internal sealed record BaselineComparison(WorkloadReport Baseline, double Ratio);
