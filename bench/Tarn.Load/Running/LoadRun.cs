using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Tarn.Load.Api;
using Tarn.Load.Baselines;
using Tarn.Load.Generation;
using Tarn.Load.Measuring;
using Tarn.Load.Reporting;
using Tarn.Load.Scenarios;
using Tarn.Load.Server;

namespace Tarn.Load.Running;

/// <summary>
/// One run: start (or reach) the server, set up the scenario and its baselines, then time them in interleaved
/// rounds (baselines first in even rounds, the scenario first in odd ones) so a noisy neighbour hits both alike.
/// </summary>
internal static class LoadRun
{
    // Duration-bound rounds of unlimited workloads start this far apart so operation numbers never repeat.
    private const long DurationRoundStride = 1L << 40;

    // Warm-up operations take numbers far above any timed one.
    private const long WarmUpFirstOperation = 1L << 50;
    private const int MaxWarmUpOperations = 200;

    // Tiered JIT needs a few seconds of calls before a fresh server runs optimized code: timing it sooner
    // measures the JIT (metadata-read: 7,800/s after 200 warm-up calls, 23,000/s in steady state).
    private static readonly TimeSpan WarmUpDuration = TimeSpan.FromSeconds(3);
    private const long MaxWarmUpBytesPerOperation = 16L * 1024 * 1024;

    public static async Task<RunReport> RunAsync(LoadSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var repository = $"load-{settings.Scenario.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var storageNamespace = settings.StorageNamespace ?? $"local://tarn-load/{repository}";
        await using var server = settings.External is null
            ? await StartServerAsync(settings, repository, storageNamespace, progress, cancellationToken)
            : null;
        var endpoint = settings.External ?? server!.Endpoint;
        using var api = new LakeFsClient(endpoint, settings.Parallelism);
        var context = new ScenarioContext(
            api, endpoint, repository, storageNamespace,
            settings.Amount, settings.Parallelism, settings.ObjectSize, settings.RepoSize, settings.Generate, progress);

        await using var scenario = settings.Scenario.Create(context);
        var baselines = settings.WithBaseline
            ? settings.Scenario.Baselines.Select(kind => BaselineFactory.Create(kind, settings.ObjectSize, settings.Parallelism)).ToList()
            : [];
        try
        {
            var measurements = await MeasureAsync(settings, scenario, baselines, progress, cancellationToken);
            var result = WorkloadReport.From(scenario.Name, measurements[0]);
            // Ratios from the unrounded rates: 1 GiB operations run well under one per second.
            var comparisons = baselines
                .Select((baseline, index) => new BaselineComparison(
                    WorkloadReport.From(baseline.Name, measurements[index + 1]),
                    Ratio(measurements[0].OperationsPerSecond, measurements[index + 1].OperationsPerSecond)))
                .ToList();
            return new RunReport(
                scenario.Name,
                startedAt,
                new RunParameters(settings.Amount, settings.Duration?.TotalSeconds, settings.Parallelism, settings.ObjectSize, settings.RepoSize, settings.Rounds, settings.Smoke, settings.Generate, endpoint.BaseAddress.ToString()),
                result,
                comparisons,
                scenario.Note,
                server is null ? null : new ServerFigures(Math.Round(server.StartupTime.TotalSeconds, 3), Mebibytes(server.ResidentBytesAtStart), Mebibytes(server.ResidentBytes())),
                new MachineFigures(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription));
        }
        finally
        {
            foreach (var baseline in baselines)
            {
                await baseline.DisposeAsync();
            }
        }
    }

    private static async Task<TarnServerProcess> StartServerAsync(
        LoadSettings settings, string repository, string storageNamespace, TextWriter progress, CancellationToken cancellationToken)
    {
        Func<string, CancellationToken, Task>? generate = null;
        if (settings.Generate)
        {
            generate = async (dataDirectory, token) =>
            {
                var took = await DataSetGenerator.GenerateAsync(dataDirectory, repository, storageNamespace, settings.RepoSize, settings.ObjectSize, token);
                await progress.WriteLineAsync(Invariant($"generated {settings.RepoSize} committed objects through the engine in {took.TotalSeconds:0.000} s"));
            };
        }

        var server = await TarnServerProcess.StartAsync(settings.ServerPath, generate, cancellationToken);
        await progress.WriteLineAsync(Invariant($"tarn started at {server.Endpoint.BaseAddress} in {server.StartupTime.TotalSeconds:0.000} s"));
        return server;
    }

    /// <summary>Returns one measurement per workload: the scenario's first, then the baselines' in order.</summary>
    private static async Task<Measurement[]> MeasureAsync(LoadSettings settings, IWorkload scenario, IReadOnlyList<IWorkload> baselines, TextWriter progress, CancellationToken cancellationToken)
    {
        var workloads = new List<IWorkload> { scenario };
        workloads.AddRange(baselines);
        foreach (var workload in workloads)
        {
            var setup = Stopwatch.GetTimestamp();
            await workload.SetupAsync(cancellationToken);
            await progress.WriteLineAsync(Invariant($"setup {workload.Name}: {Stopwatch.GetElapsedTime(setup).TotalSeconds:0.000} s"));
            await WarmUpAsync(settings, workload, cancellationToken);
        }

        var measurements = workloads.Select(_ => new Measurement()).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternate who goes first, so neither side always gets the warmer (or the more tired) machine.
            var order = Enumerable.Range(0, workloads.Count).ToList();
            if (round % 2 == 0)
            {
                order.Reverse();
            }

            foreach (var index in order)
            {
                var plan = PlanRound(settings, workloads[index], round);
                await WorkloadRunner.RunRoundAsync(workloads[index], plan, measurements[index], cancellationToken);
                await progress.WriteLineAsync(Invariant($"round {round + 1}/{settings.Rounds} {workloads[index].Name}: {measurements[index].Succeeded} ok, {measurements[index].Errors.Total} errors so far"));
            }
        }

        return measurements;
    }

    /// <summary>
    /// An untimed round first, so JIT compilation and connection set-up do not land in the figures: a few
    /// seconds (a few operations at smoke size, where only the tool's health matters). Skipped where
    /// operations consume prepared items (merge, delete) or move big objects.
    /// </summary>
    private static async Task WarmUpAsync(LoadSettings settings, IWorkload workload, CancellationToken cancellationToken)
    {
        if (workload.Capacity != long.MaxValue || workload.BytesPerOperation > MaxWarmUpBytesPerOperation)
        {
            return;
        }

        var operations = Math.Min(Math.Max(settings.Amount / 10, Math.Min(settings.Parallelism, settings.Amount)), MaxWarmUpOperations);
        var plan = settings.Smoke
            ? new RoundPlan(WarmUpFirstOperation, operations, Duration: null, settings.Parallelism)
            : new RoundPlan(WarmUpFirstOperation, DurationRoundStride, WarmUpDuration, settings.Parallelism);
        await WorkloadRunner.RunRoundAsync(workload, plan, new Measurement(), cancellationToken);
    }

    private static RoundPlan PlanRound(LoadSettings settings, IWorkload workload, int round)
    {
        var limited = workload.Capacity != long.MaxValue;
        if (settings.Duration is { } duration && !limited)
        {
            return new RoundPlan(round * DurationRoundStride, DurationRoundStride, duration / settings.Rounds, settings.Parallelism);
        }

        // Amount-bound (or prepared-capacity-bound) rounds split the operations evenly; the last takes the rest.
        var total = limited ? Math.Min(settings.Amount, workload.Capacity) : settings.Amount;
        var perRound = (total + settings.Rounds - 1) / settings.Rounds;
        var first = round * perRound;
        var count = Math.Max(0, Math.Min(perRound, total - first));
        return new RoundPlan(first, count, settings.Duration / settings.Rounds, settings.Parallelism);
    }

    private static double Ratio(double scenario, double baseline) => baseline == 0 ? 0 : Math.Round(scenario / baseline, 4);

    private static double Mebibytes(long bytes) => Math.Round(bytes / 1048576.0, 1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
