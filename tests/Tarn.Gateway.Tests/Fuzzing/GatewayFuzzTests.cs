using System.Diagnostics;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// The seeded S3 gateway fuzzer against the production composition root on a real socket. The seed is
/// printed always and is part of every failure, with the replayable request; see <see cref="FuzzSettings"/>
/// for the variables that size and replay a run, and <see cref="KnownFindings"/> for what is known and open.
/// </summary>
public sealed class GatewayFuzzTests
{
    [Fact]
    public async Task The_gateway_keeps_its_rules_under_a_seeded_fuzz()
    {
        var settings = FuzzSettings.FromEnvironment();
        var output = TestContext.Current.TestOutputHelper;
        void Say(string line)
        {
            output?.WriteLine(line);
            // Diagnostic messages reach the runner's log whether the test passes or fails (xunit.runner.json).
            TestContext.Current.SendDiagnosticMessage("[gateway fuzz] " + line);
        }

        Say($"seed {settings.Seed} ({FuzzSettings.SeedVariable}), {(settings.OnlyCase is { } only ? $"case {only} only" : $"{settings.Iterations} cases")}");
        var clock = Stopwatch.StartNew();
        await using var world = await FuzzWorld.StartAsync(TestContext.Current.CancellationToken);
        var report = await new FuzzRunner(world, settings, Say).RunAsync(TestContext.Current.CancellationToken);
        var summary = report.Summary(settings, clock.Elapsed);
        Say(summary);

        if (report.NewCount > 0)
        {
            var findings = string.Join("\n", report.New.Select(f => f.Describe(settings)));
            Assert.Fail($"seed {settings.Seed}: {report.NewCount} violations of the gateway's rules.\n{summary}\n{findings}");
        }
    }
}
