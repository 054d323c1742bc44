using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class DescribeTests
{
    private const string ConnectionString = "postgres://tarn:pg-password-123@db:5432/tarn?sslmode=disable";

    [Fact]
    public void Describe_lists_sorted_effective_values_with_secrets_redacted()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "postgres";
        sandbox.Environment["LAKEFS_DATABASE_POSTGRES_CONNECTION_STRING"] = ConnectionString;
        sandbox.Environment["LAKEFS_BLOCKSTORE_S3_CREDENTIALS_ACCESS_KEY_ID"] = "AKIAVISIBLEKEY";
        sandbox.Environment["LAKEFS_BLOCKSTORE_S3_CREDENTIALS_SECRET_ACCESS_KEY"] = "s3-secret-value";
        sandbox.Environment["LAKEFS_INSTALLATION_USER_NAME"] = "admin";
        sandbox.Environment["LAKEFS_INSTALLATION_ACCESS_KEY_ID"] = "AKIAADMINKEY";
        sandbox.Environment["LAKEFS_INSTALLATION_SECRET_ACCESS_KEY"] = "admin-secret-value";

        var lines = sandbox.Load().Settings.Describe();

        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("auth.encrypt.secret_key = [SECRET]", lines);
        Assert.Contains("database.postgres.connection_string = [SECRET]", lines);
        Assert.Contains("blockstore.s3.credentials.access_key_id = [SECRET]", lines);
        Assert.Contains("blockstore.s3.credentials.secret_access_key = [SECRET]", lines);
        Assert.Contains("installation.secret_access_key = [SECRET]", lines);
        Assert.Contains("installation.user_name = admin", lines);
        Assert.Contains("auth.login_duration = 168h0m0s", lines);
        Assert.Contains("database.type = postgres", lines);
        Assert.Contains("gateways.s3.domain_name = [s3.local.lakefs.io]", lines);
        Assert.Contains("listen_address = 0.0.0.0:8000", lines);
        Assert.Contains($"database.local.path = {Path.Combine(sandbox.HomeDirectory, "lakefs", "metadata")}", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("tls.cert_file", StringComparison.Ordinal));
        var all = string.Join('\n', lines);
        foreach (var secret in new[] { ConfigSandbox.GoodSecret, "pg-password-123", "AKIAVISIBLEKEY", "s3-secret-value", "AKIAADMINKEY", "admin-secret-value" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Settings_records_print_secrets_redacted()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "postgres";
        sandbox.Environment["LAKEFS_DATABASE_POSTGRES_CONNECTION_STRING"] = ConnectionString;

        var settings = sandbox.Load().Settings;
        var printed = settings.ToString();

        Assert.Contains("[SECRET]", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigSandbox.GoodSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-password-123", printed, StringComparison.Ordinal);
        Assert.Equal(ConnectionString, settings.Database.Postgres.ConnectionString!.Reveal());
    }

    [Fact]
    public void Secret_values_compare_by_content()
    {
        var secret = new SecretValue("abc");

        Assert.Equal(new SecretValue("abc"), secret);
        Assert.NotEqual(new SecretValue("abd"), secret);
        Assert.True(secret.Matches("abc"));
        Assert.False(secret.Matches(null));
        Assert.Equal("[SECRET]", $"{secret}");
    }
}
