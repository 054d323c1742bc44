using System.Text.RegularExpressions;

namespace Tarn.Server.Tests.Cli;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        using var sandbox = new CliSandbox();

        var result = await TarnProcess.RunAsync(sandbox, "--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(new Regex(@"\A\d+\.\d+\.\d+\S*\n\z"), result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
