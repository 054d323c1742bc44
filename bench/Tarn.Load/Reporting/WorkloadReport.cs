using Tarn.Load.Measuring;

namespace Tarn.Load.Reporting;

/// <summary>The figures of one workload (scenario or baseline) over all its rounds.</summary>
internal sealed record WorkloadReport(
    string Name,
    long Operations,
    long Errors,
    long NotImplementedErrors,
    double ElapsedSeconds,
    double OperationsPerSecond,
    double MebibytesPerSecond,
    LatencySummary LatencyMs,
    IReadOnlyList<HistogramBucket> HistogramMs,
    IReadOnlyDictionary<string, long> ErrorMessages)
{
    public static WorkloadReport From(string name, Measurement measurement) => new(
        name,
        measurement.Succeeded,
        measurement.Errors.Total,
        measurement.Errors.NotImplemented,
        Math.Round(measurement.Elapsed.TotalSeconds, 3),
        Math.Round(measurement.OperationsPerSecond, 3),
        Math.Round(measurement.MebibytesPerSecond, 1),
        LatencySummary.From(measurement.Latencies),
        HistogramBucket.From(measurement.Latencies),
        measurement.Errors.Messages().ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
}
