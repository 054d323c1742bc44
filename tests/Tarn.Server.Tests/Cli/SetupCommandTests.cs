namespace Tarn.Server.Tests.Cli;

/// <summary><c>tarn setup</c> (alias <c>init</c>) against a real SQLite database, as operators run it.</summary>
public sealed class SetupCommandTests
{
    [Fact]
    public async Task Setup_prints_generated_credentials_once_then_reports_it_is_complete()
    {
        using var sandbox = new CliSandbox().WithLocalStores();

        var first = await TarnProcess.RunAsync(sandbox, "setup", "--user-name", "admin");
        var second = await TarnProcess.RunAsync(sandbox, "setup", "--user-name", "admin");

        Assert.True(first.ExitCode == 0, first.ToString());
        var credentials = PrintedCredentials.Parse(first);
        Assert.StartsWith("AKIAJ", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(20, credentials.AccessKeyId.Length);
        Assert.Equal(40, credentials.SecretAccessKey.Length);

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Equal("Setup is already complete.\n", second.Stdout);
    }

    [Theory]
    [InlineData("setup")]
    [InlineData("init")]
    public async Task Setup_uses_the_key_pair_it_is_given(string command)
    {
        using var sandbox = new CliSandbox().WithLocalStores();

        var result = await TarnProcess.RunAsync(
            sandbox, command, "--user-name", "admin", "--access-key-id", "AKIACLITESTS", "--secret-access-key", "given/secret+value");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new PrintedCredentials("AKIACLITESTS", "given/secret+value"), PrintedCredentials.Parse(result));
    }
}
