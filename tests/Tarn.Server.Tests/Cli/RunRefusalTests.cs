namespace Tarn.Server.Tests.Cli;

/// <summary>
/// <c>tarn run</c> with a configuration it must refuse: exit code 1 and one <c>FATAL:</c> line on standard error
/// that names the problem, before anything is served.
/// </summary>
public sealed class RunRefusalTests
{
    [Fact]
    public async Task Unknown_key_in_the_config_file_stops_run_naming_the_key()
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        sandbox.WriteConfig("databse:\n  type: local\n");

        var result = await TarnProcess.RunAsync(sandbox, "run");

        AssertFatal(result, "\"databse.type\"");
    }

    [Fact]
    public async Task Missing_secret_without_a_profile_stops_run()
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        sandbox.Variables.Remove("LAKEFS_AUTH_ENCRYPT_SECRET_KEY");

        var result = await TarnProcess.RunAsync(sandbox, "run");

        AssertFatal(result, "missing required keys: auth.encrypt.secret_key");
    }

    [Theory]
    [InlineData("LAKEFS_AUTH_ENCRYPT_SECRET_KEY", "THIS_MUST_BE_CHANGED_IN_PRODUCTION", "the placeholder THIS_MUST_BE_CHANGED_IN_PRODUCTION is only allowed with --local-settings or --quickstart")]
    [InlineData("LAKEFS_BLOCKSTORE_TYPE", "s3", "blockstore.type: s3 is not available")]
    public async Task Documented_refusals_stop_run(string variable, string value, string message)
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        sandbox.Variables[variable] = value;

        var result = await TarnProcess.RunAsync(sandbox, "run");

        AssertFatal(result, message);
    }

    [Fact]
    public async Task A_listen_port_already_taken_is_an_operational_failure_not_a_crash()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        using var sandbox = new CliSandbox().WithLocalStores();
        sandbox.Variables["LAKEFS_LISTEN_ADDRESS"] = $"127.0.0.1:{((System.Net.IPEndPoint)holder.LocalEndpoint).Port}";

        var result = await TarnProcess.RunAsync(sandbox, "run");

        AssertFatal(result, "address");
    }

    [Fact]
    public async Task A_metadata_path_that_is_a_file_is_an_operational_failure_not_a_crash()
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        var file = Path.Combine(sandbox.WorkingDirectory, "not-a-directory");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        sandbox.Variables["LAKEFS_DATABASE_LOCAL_PATH"] = file;

        var result = await TarnProcess.RunAsync(sandbox, "run");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("FATAL: ", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertFatal(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("FATAL: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }
}
