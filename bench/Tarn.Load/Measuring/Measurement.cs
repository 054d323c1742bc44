namespace Tarn.Load.Measuring;

/// <summary>What one workload did over one or more timed rounds: latencies of successful operations, failures, wall time.</summary>
internal sealed class Measurement
{
    public LatencyHistogram Latencies { get; } = new();

    public ErrorLog Errors { get; } = new();

    /// <summary>Wall-clock time spent in timed rounds (setup excluded).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Payload bytes moved by successful operations (for MiB/s).</summary>
    public long Bytes { get; private set; }

    public long Succeeded => Latencies.Count;

    public double OperationsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Succeeded / Elapsed.TotalSeconds;

    public double MebibytesPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Bytes / 1048576.0 / Elapsed.TotalSeconds;

    public void AddRound(LatencyHistogram latencies, ErrorLog errors, TimeSpan elapsed, long bytes)
    {
        Latencies.Add(latencies);
        Errors.Add(errors);
        Elapsed += elapsed;
        Bytes += bytes;
    }
}
