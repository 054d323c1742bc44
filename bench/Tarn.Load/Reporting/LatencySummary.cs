using Tarn.Load.Measuring;

namespace Tarn.Load.Reporting;

/// <summary>Latency percentiles of successful operations, in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double P999, double Min, double Mean, double Max)
{
    public static LatencySummary From(LatencyHistogram histogram) => histogram.Count == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, 0)
        : new LatencySummary(
            Ms(histogram.PercentileNanoseconds(50)),
            Ms(histogram.PercentileNanoseconds(90)),
            Ms(histogram.PercentileNanoseconds(99)),
            Ms(histogram.PercentileNanoseconds(99.9)),
            Ms(histogram.MinNanoseconds),
            Math.Round(histogram.MeanNanoseconds / 1e6, 3),
            Ms(histogram.MaxNanoseconds));

    private static double Ms(long nanoseconds) => Math.Round(nanoseconds / 1e6, 3);
}
