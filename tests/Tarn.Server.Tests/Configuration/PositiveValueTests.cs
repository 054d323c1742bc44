namespace Tarn.Server.Tests.Configuration;

/// <summary>Values that would only fail later (born-expired tokens, spinning timers, poolless databases) fail at load, naming the key.</summary>
public sealed class PositiveValueTests
{
    [Theory]
    [InlineData("LAKEFS_AUTH_LOGIN_DURATION", "0s", "auth.login_duration")]
    [InlineData("LAKEFS_DATABASE_POSTGRES_MAX_OPEN_CONNECTIONS", "0", "database.postgres.max_open_connections")]
    [InlineData("LAKEFS_DATABASE_POSTGRES_MAX_IDLE_CONNECTIONS", "0", "database.postgres.max_idle_connections")]
    public void Zero_is_refused(string variable, string value, string key)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment[variable] = value;

        var error = sandbox.LoadFails();

        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_usage_flush_interval_is_refused_only_when_usage_reports_are_on()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_USAGE_REPORT_FLUSH_INTERVAL"] = "0s";
        Assert.NotNull(sandbox.Load());

        sandbox.Environment["LAKEFS_USAGE_REPORT_ENABLED"] = "true";
        Assert.Equal("usage_report.flush_interval", sandbox.LoadFails().Key);
    }
}
