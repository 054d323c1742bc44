using System.Globalization;

namespace Tarn.Load.Reporting;

/// <summary>The human-readable report: throughput, percentiles, errors by message, the millisecond histogram, baselines as ratios.</summary>
internal static class TextReport
{
    private const int BarWidth = 40;

    public static void Write(TextWriter output, RunReport report)
    {
        var p = report.Parameters;
        output.WriteLine();
        output.WriteLine(Invariant($"== {report.Scenario}: {p.Parallelism} workers, object {FormatSize(p.ObjectSize)}, repo-size {p.RepoSize}, {p.Rounds} round(s){(p.Smoke ? ", smoke size" : "")}{(p.Generated ? ", data set generated through the engine" : "")}"));
        if (report.Server is { } server)
        {
            output.WriteLine(Invariant($"   tarn child process: ready in {server.StartupSeconds:0.000} s, RSS at start {server.ResidentMebibytesAtStart:0.0} MiB, after the run {server.ResidentMebibytesAfterRun:0.0} MiB"));
        }

        if (report.Note is { } note)
        {
            output.WriteLine("   note: " + note);
        }

        WriteWorkload(output, report.Result, withHistogram: true);
        foreach (var comparison in report.Baselines)
        {
            WriteWorkload(output, comparison.Baseline, withHistogram: false);
            output.WriteLine(Invariant($"   ratio {report.Scenario} / {comparison.Baseline.Name}: {comparison.Ratio:0.000} ({comparison.Ratio * 100:0.0}%)"));
        }
    }

    private static void WriteWorkload(TextWriter output, WorkloadReport workload, bool withHistogram)
    {
        var l = workload.LatencyMs;
        var throughput = workload.MebibytesPerSecond > 0 ? Invariant($", {workload.MebibytesPerSecond:0.0} MiB/s") : "";
        output.WriteLine(Invariant($"-- {workload.Name}: {workload.OperationsPerSecond:0.0##} ops/s{throughput}, {workload.Operations} ok, {workload.Errors} errors in {workload.ElapsedSeconds:0.000} s"));
        output.WriteLine(Invariant($"   latency ms: p50 {l.P50:0.000}  p90 {l.P90:0.000}  p99 {l.P99:0.000}  p99.9 {l.P999:0.000}  (min {l.Min:0.000}, mean {l.Mean:0.000}, max {l.Max:0.000})"));
        if (workload.NotImplementedErrors > 0)
        {
            output.WriteLine(Invariant($"   NOT AVAILABLE: {workload.NotImplementedErrors} operations answered 501 Not Implemented"));
        }

        foreach (var (message, count) in workload.ErrorMessages)
        {
            output.WriteLine(Invariant($"   error x{count}: {message}"));
        }

        if (!withHistogram || workload.HistogramMs.Count == 0)
        {
            return;
        }

        var largest = workload.HistogramMs.Max(bucket => bucket.Count);
        foreach (var bucket in workload.HistogramMs)
        {
            var range = bucket.ToMs is { } to ? Invariant($"{bucket.FromMs,8:0.##} - {to,-8:0.##}") : Invariant($"{bucket.FromMs,8:0.##} +       ");
            var bar = new string('#', largest == 0 ? 0 : (int)Math.Ceiling(bucket.Count * (double)BarWidth / largest));
            output.WriteLine(Invariant($"   {range} ms {bucket.Count,9} {bar}"));
        }
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => Invariant($"{bytes >> 30} GiB"),
        >= 1L << 20 when bytes % (1L << 20) == 0 => Invariant($"{bytes >> 20} MiB"),
        >= 1L << 10 when bytes % (1L << 10) == 0 => Invariant($"{bytes >> 10} KiB"),
        _ => Invariant($"{bytes} B"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
