namespace Tarn.Server.Tests.Cli;

/// <summary>
/// <c>tarn run --quickstart</c> with nothing configured but <c>HOME</c> and the listen address: the profile must
/// supply SQLite and local blocks under <c>~/lakefs</c>, the placeholder secret and the quickstart admin.
/// </summary>
public sealed class QuickstartRunTests
{
    private const string AccessKeyId = "AKIAIOSFOLQUICKSTART";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string CreatedLog = "Installation set up with admin user quickstart";
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Quickstart_serves_the_quickstart_admin_and_restarts_over_its_own_data()
    {
        // The profile's data lives under ~/lakefs; only where HOME decides the home directory can a test move it.
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the home directory cannot be redirected through HOME on Windows");
        using var sandbox = new CliSandbox();

        await using (var first = await ServingTarn.StartAsync(sandbox, "run", "--quickstart"))
        {
            await AssertQuickstartAdminAsync(first);
            await AssertBannerAsync(first);
            Assert.Contains(CreatedLog, first.Process.Stdout, StringComparison.Ordinal);
        }

        // The first server was killed, not stopped: the restart must cope with whatever it left behind.
        Assert.True(File.Exists(Path.Combine(sandbox.HomeDirectory, "lakefs", "metadata", "tarn.db")), "no SQLite file under ~/lakefs/metadata");

        await using var second = await ServingTarn.StartAsync(sandbox, "run", "--quickstart");
        await AssertQuickstartAdminAsync(second);
        await AssertBannerAsync(second);
        Assert.DoesNotContain(CreatedLog, second.Process.Stdout, StringComparison.Ordinal);
    }

    private static async Task AssertQuickstartAdminAsync(ServingTarn server)
    {
        var (status, body) = await server.GetAsync("api/v1/user", AccessKeyId, SecretAccessKey);

        Assert.True(status == 200, $"GET /api/v1/user answered {status}: {body}\n{server.Process.Describe()}");
        Assert.Contains("\"id\":\"quickstart\"", body, StringComparison.Ordinal);
    }

    private static async Task AssertBannerAsync(ServingTarn server)
    {
        await server.Process.WaitForStdoutAsync($"user:              quickstart", BannerTimeout);
        var stdout = server.Process.Stdout;
        Assert.Contains($"{server.BaseAddress}api/v1", stdout, StringComparison.Ordinal);
        Assert.Contains($"access_key_id:     {AccessKeyId}", stdout, StringComparison.Ordinal);
        Assert.Contains($"secret_access_key: {SecretAccessKey}", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" fail: ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" crit: ", stdout, StringComparison.Ordinal);
        Assert.True(server.Process.Stderr.Length == 0, server.Process.Describe());
    }
}
