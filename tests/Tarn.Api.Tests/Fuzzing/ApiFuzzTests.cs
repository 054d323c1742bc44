using Tarn.Testing;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The seeded HTTP API fuzzer over every operation of the lakeFS OpenAPI document, on a real server in each
/// RBAC mode. Replay a failure with the seed it prints: <see cref="FuzzSettings.ReplayCommand"/>.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    [Theory(Timeout = 15 * 60 * 1000)]
    [InlineData("simplified")]
    [InlineData("internal")]
    public async Task Every_operation_survives_seeded_hostile_requests(string rbacMode)
    {
        var settings = FuzzSettings.FromEnvironment();
        var banner = $"API fuzz, RBAC mode {rbacMode}: seed {settings.Seed}{(settings.SeedWasGiven ? " (from TARN_FUZZ_SEED)" : "")}, {settings.Rounds} rounds; replay: {settings.ReplayCommand}";
        output.WriteLine(banner);
        TestContext.Current.SendDiagnosticMessage(banner);
        var spec = LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec());
        var operations = spec.Operations.Select(o => OperationShape.Read(spec, o)).ToList();
        var policyApiServed = rbacMode == "internal";
        var notImplemented = NotImplementedAllowList.FromReadme(
            await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"), TestContext.Current.CancellationToken), policyApiServed);

        var log = new ServerLogCapture();
        var server = await TarnTestServer.StartAsync(
            env => env["LAKEFS_AUTH_UI_CONFIG_RBAC"] = rbacMode, logging: log.Configure, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var (keyId, secret) = await server.SetupAdminAsync(cancellationToken: TestContext.Current.CancellationToken);
            var run = new ApiFuzzRun(server, new FuzzCredentials(keyId, secret), log, operations, notImplemented, policyApiServed, settings);
            try
            {
                await run.RunAsync(TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"API fuzz stopped (seed {settings.Seed}; replay: {settings.ReplayCommand}): {e.Message}", e);
            }

            var report = FuzzReport.Describe(run, settings);
            output.WriteLine(report);
            TestContext.Current.SendDiagnosticMessage($"API fuzz, RBAC mode {rbacMode}: {FuzzReport.Summary(run)}");
            if (run.Violations.Count > 0)
            {
                Assert.Fail(report);
            }
        }
        finally
        {
            await server.DisposeAsync();
            TarnTestServer.DeleteData(server.DataDirectory);
        }
    }
}
