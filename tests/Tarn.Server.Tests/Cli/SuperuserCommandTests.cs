namespace Tarn.Server.Tests.Cli;

/// <summary><c>tarn superuser</c>: another admin, only once setup is done.</summary>
public sealed class SuperuserCommandTests
{
    [Fact]
    public async Task Superuser_after_setup_prints_the_new_admins_credentials()
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        var setup = await TarnProcess.RunAsync(sandbox, "setup", "--user-name", "admin");
        Assert.True(setup.ExitCode == 0, setup.ToString());

        var result = await TarnProcess.RunAsync(sandbox, "superuser", "--user-name", "second");

        Assert.True(result.ExitCode == 0, result.ToString());
        var credentials = PrintedCredentials.Parse(result);
        Assert.StartsWith("AKIAJ", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.NotEqual(PrintedCredentials.Parse(setup).AccessKeyId, credentials.AccessKeyId);
    }

    [Fact]
    public async Task Superuser_before_setup_fails_with_a_message()
    {
        using var sandbox = new CliSandbox().WithLocalStores();

        var result = await TarnProcess.RunAsync(sandbox, "superuser", "--user-name", "second");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("FATAL: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("setup", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
