using Tarn.Server.Configuration.Parsing;

namespace Tarn.Server.Tests.Configuration;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("20s", 20 * TimeSpan.TicksPerSecond)]
    [InlineData("5m", 5 * TimeSpan.TicksPerMinute)]
    [InlineData("168h", 168 * TimeSpan.TicksPerHour)]
    [InlineData("1h30m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("2h45m10s", (2 * 3600 + 45 * 60 + 10) * TimeSpan.TicksPerSecond)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData(".5s", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5.s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("+3s", 3 * TimeSpan.TicksPerSecond)]
    [InlineData("-1.5h", -90 * TimeSpan.TicksPerMinute)]
    [InlineData("1500us", 15_000)]
    [InlineData("1500\u00b5s", 15_000)]
    [InlineData("1500\u03bcs", 15_000)]
    [InlineData("250ns", 2)]
    [InlineData("1h1ms", TimeSpan.TicksPerHour + TimeSpan.TicksPerMillisecond)]
    public void Parses_go_syntax(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("1d")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("1 h")]
    [InlineData("1h 30m")]
    [InlineData("-")]
    [InlineData("1e3s")]
    [InlineData("3000000h")]
    [InlineData("99999999999999999999999h")]
    [InlineData("PT5M")]
    [InlineData("00:05:00")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0", "0s")]
    [InlineData("168h", "168h0m0s")]
    [InlineData("20s", "20s")]
    [InlineData("90s", "1m30s")]
    [InlineData("5m", "5m0s")]
    [InlineData("1h30m", "1h30m0s")]
    [InlineData("1.5s", "1.5s")]
    [InlineData("500ms", "500ms")]
    [InlineData("1500us", "1.5ms")]
    [InlineData("300ns", "300ns")]
    public void Formats_like_go(string text, string expected)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(expected, GoDuration.Format(value));
    }

    [Fact]
    public void Negative_duration_in_configuration_fails_naming_the_key()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_CACHE_TTL"] = "-5s";

        var error = sandbox.LoadFails();

        Assert.Equal("auth.cache.ttl", error.Key);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }
}
