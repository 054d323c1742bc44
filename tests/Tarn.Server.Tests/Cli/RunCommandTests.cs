namespace Tarn.Server.Tests.Cli;

/// <summary><c>tarn run</c> over a database that <c>tarn setup</c> prepared in another process.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Keys_made_by_setup_authenticate_until_the_master_secret_changes()
    {
        using var sandbox = new CliSandbox().WithLocalStores();
        var setup = await TarnProcess.RunAsync(sandbox, "setup", "--user-name", "admin");
        Assert.True(setup.ExitCode == 0, setup.ToString());
        var credentials = PrintedCredentials.Parse(setup);

        await using (var server = await ServingTarn.StartAsync(sandbox, "run"))
        {
            var (status, body) = await server.GetAsync("api/v1/user", credentials.AccessKeyId, credentials.SecretAccessKey);

            Assert.True(status == 200, $"GET /api/v1/user answered {status}: {body}\n{server.Process.Describe()}");
            Assert.Contains("\"id\":\"admin\"", body, StringComparison.Ordinal);
        }

        // docs/configuration.md promises this: stored secrets are sealed under the master secret.
        sandbox.Variables["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = "another-master-secret-0123456789abcdef01";
        await using var rekeyed = await ServingTarn.StartAsync(sandbox, "run");
        var (rekeyedStatus, rekeyedBody) = await rekeyed.GetAsync("api/v1/user", credentials.AccessKeyId, credentials.SecretAccessKey);

        Assert.Equal(500, rekeyedStatus);
        Assert.Contains("auth.encrypt.secret_key changed", rekeyedBody, StringComparison.Ordinal);
    }
}
