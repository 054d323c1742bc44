using Tarn.Load.Measuring;

namespace Tarn.Load.Reporting;

/// <summary>One row of the millisecond histogram: operations with latency in [FromMs, ToMs).</summary>
internal sealed record HistogramBucket(double FromMs, double? ToMs, long Count)
{
    private static readonly double[] Edges = [0, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000];

    /// <summary>The fixed millisecond rows, trimmed to the range that holds samples.</summary>
    public static IReadOnlyList<HistogramBucket> From(LatencyHistogram histogram)
    {
        var rows = new List<HistogramBucket>();
        for (var i = 0; i < Edges.Length; i++)
        {
            var from = Edges[i];
            double? to = i + 1 < Edges.Length ? Edges[i + 1] : null;
            var count = histogram.CountBetween(ToNanoseconds(from), to is { } upper ? ToNanoseconds(upper) : long.MaxValue);
            rows.Add(new HistogramBucket(from, to, count));
        }

        var first = rows.FindIndex(row => row.Count > 0);
        var last = rows.FindLastIndex(row => row.Count > 0);
        return first < 0 ? [] : rows[first..(last + 1)];
    }

    private static long ToNanoseconds(double milliseconds) => (long)(milliseconds * 1e6);
}
