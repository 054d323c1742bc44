using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Sends the cases of a seed one at a time, judges each answer (<see cref="FuzzOracle"/>), probes the state a
/// refused request must not have changed, checks the sentinels after every request that could reach them
/// (restoring them after a finding so the run goes on), checks the server's health every few hundred cases,
/// and ends with the final state and health checks.
/// </summary>
internal sealed class FuzzRunner(FuzzWorld world, FuzzSettings settings, Action<string> progress)
{
    private const int HealthEvery = 500;

    private readonly RawHttpSender _sender = new(world.Endpoint, settings.RequestTimeout);

    public async Task<FuzzReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new FuzzReport();
        var generator = new FuzzCaseGenerator(settings.Seed, world.Targets);
        var clock = Stopwatch.StartNew();
        FuzzCase? last = null;
        using var trace = settings.TraceFile is { } path ? new StreamWriter(path) : null;
        await CheckHealthAsync(report, null, cancellationToken);
        foreach (var iteration in settings.Cases)
        {
            var fuzzCase = generator.Create(iteration);
            last = fuzzCase;
            world.Logs.Drain();
            var exchange = await _sender.SendAsync(fuzzCase.Request, fuzzCase.LocalAddress, cancellationToken);
            var violations = FuzzOracle.Judge(fuzzCase, exchange, world.Sentinels.ETags);
            foreach (var probe in fuzzCase.Probes)
            {
                if (await world.ProbeAsync(probe, cancellationToken) is { } change)
                {
                    violations.Add(new Violation(ViolationKind.StateChanged, change));
                    await world.RepairAsync(probe, cancellationToken);
                }
            }

            if (fuzzCase.MayReachSentinels && await world.Sentinels.CheckAsync(readData: false, cancellationToken) is { Count: > 0 } damage)
            {
                violations.Add(new Violation(ViolationKind.SentinelChanged, string.Join("; ", damage)));
                await world.Sentinels.RestoreAsync(cancellationToken);
            }

            report.Record(fuzzCase, exchange, violations, world.Logs.Drain());
            trace?.WriteLine($"{iteration}\t{fuzzCase.Family}\t{exchange.Response?.Status.ToString(CultureInfo.InvariantCulture) ?? exchange.Outcome.ToString()}"
                + $"\t{(exchange.Response is { } answer ? FuzzOracle.ErrorCode(answer) : "")}\t{exchange.Elapsed.TotalMilliseconds:F0}\t{violations.Count}"
                + $"\t{Wire.Escape(fuzzCase.Request.Method)} {Wire.Escape(fuzzCase.Request.Target, 300)}");
            if ((iteration + 1) % HealthEvery == 0)
            {
                progress($"{iteration + 1} cases, {clock.Elapsed.TotalSeconds:F0} s, {report.NewCount} new violations");
                await CheckHealthAsync(report, fuzzCase, cancellationToken);
            }
        }

        await CheckHealthAsync(report, last, cancellationToken);
        var context = last ?? generator.Create(0);
        foreach (var problem in await world.Sentinels.CheckAsync(readData: true, cancellationToken))
        {
            report.RecordGlobal(new Violation(ViolationKind.SentinelChanged, "at the end: " + problem), context);
        }

        foreach (var problem in await world.FinalProblemsAsync(cancellationToken))
        {
            report.RecordGlobal(new Violation(ViolationKind.StateChanged, "at the end: " + problem), context);
        }

        return report;
    }

    // (f): /_health answers, and a correctly signed read of a sentinel by the checker's key (which no fuzz request uses) returns its bytes.
    private async Task CheckHealthAsync(FuzzReport report, FuzzCase? after, CancellationToken cancellationToken)
    {
        var health = await _sender.SendAsync(new RawHttpRequest { Method = "GET", Target = "/_health", Headers = [("Host", world.Targets.Host)] }, null, cancellationToken);
        var read = new RawHttpRequest { Method = "GET", Target = $"/{FuzzTargets.SentinelRepository}/main/sentinel/keep.txt", Headers = [("Host", world.Targets.Host)] };
        SigV4Signer.SignHeader(read, world.Checker, new SigV4Options { Time = DateTimeOffset.UtcNow });
        var signed = await _sender.SendAsync(read, IPAddress.Loopback, cancellationToken);
        var context = after ?? new FuzzCase { Iteration = -1, Family = "health", Request = read };
        if (health.Response?.Status != 200)
        {
            report.RecordGlobal(new Violation(ViolationKind.HealthLost, "/_health: " + health.Describe(300)), context);
        }

        if (signed.Response?.Status != 200)
        {
            report.RecordGlobal(new Violation(ViolationKind.HealthLost, "a correctly signed GET by an untouched key: " + signed.Describe(300)), context);
        }
    }
}
