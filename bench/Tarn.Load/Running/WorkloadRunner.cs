using System.Diagnostics;
using Tarn.Load.Measuring;

namespace Tarn.Load.Running;

/// <summary>
/// Runs one round of a workload: <c>parallelism</c> workers take operation numbers from a shared counter
/// (closed loop: a worker starts its next operation when the previous one ends) and time each with
/// <see cref="Stopwatch.GetTimestamp"/> into a histogram of their own.
/// </summary>
internal static class WorkloadRunner
{
    public static async Task RunRoundAsync(IWorkload workload, RoundPlan plan, Measurement into, CancellationToken cancellationToken)
    {
        var end = Math.Min(plan.FirstOperation + plan.Operations, workload.Capacity);
        var next = plan.FirstOperation;
        var deadline = plan.Duration is { } duration ? Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var histograms = new LatencyHistogram[plan.Parallelism];
        var errors = new ErrorLog();
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[plan.Parallelism];
        for (var w = 0; w < workers.Length; w++)
        {
            var worker = w;
            histograms[worker] = new LatencyHistogram();
            workers[worker] = Task.Run(
                async () =>
                {
                    var histogram = histograms[worker];
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var operation = Interlocked.Increment(ref next) - 1;
                        if (operation >= end || Stopwatch.GetTimestamp() >= deadline)
                        {
                            return;
                        }

                        try
                        {
                            await workload.PrepareOperationAsync(operation, worker, cancellationToken);
                            var start = Stopwatch.GetTimestamp();
                            await workload.ExecuteAsync(operation, worker, cancellationToken);
                            histogram.RecordSince(start);
                        }
                        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
                        {
                            errors.Add(error);
                        }
                    }
                },
                cancellationToken);
        }

        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var total = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        into.AddRound(total, errors, elapsed, total.Count * workload.BytesPerOperation);
    }
}
