using Tarn.Server.Configuration;

namespace Tarn.Server.Tests.Configuration;

public sealed class ValidationTests
{
    [Fact]
    public void Missing_required_keys_are_listed()
    {
        using var sandbox = new ConfigSandbox();

        var error = sandbox.LoadFails();

        Assert.Equal("missing required keys: auth.encrypt.secret_key, blockstore.type, database.type", error.Message);
    }

    [Fact]
    public void A_single_missing_key_is_named()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment.Remove("LAKEFS_AUTH_ENCRYPT_SECRET_KEY");

        var error = sandbox.LoadFails();

        Assert.Equal("missing required keys: auth.encrypt.secret_key", error.Message);
        Assert.Equal("auth.encrypt.secret_key", error.Key);
    }

    [Fact]
    public void An_empty_secret_counts_as_missing()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment.Remove("LAKEFS_AUTH_ENCRYPT_SECRET_KEY");

        var error = sandbox.LoadYamlFails("auth:\n  encrypt:\n    secret_key: \"\"\n");

        Assert.Equal("auth.encrypt.secret_key", error.Key);
    }

    [Fact]
    public void Postgres_requires_a_connection_string()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "postgres";

        var error = sandbox.LoadFails();

        Assert.Equal("database.postgres.connection_string", error.Key);
    }

    [Theory]
    [InlineData("s3.example.com,a.s3.example.com")]
    [InlineData("b.s3.local.lakefs.io, s3.local.lakefs.io")]
    [InlineData("example.com,x.y.example.com")]
    public void A_domain_that_is_a_dot_suffix_of_another_fails(string domains)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_GATEWAYS_S3_DOMAIN_NAME"] = domains;

        var error = sandbox.LoadFails();

        Assert.Equal("gateways.s3.domain_name", error.Key);
        Assert.Contains("suffix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_sharing_a_tail_without_a_dot_boundary_are_fine()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_GATEWAYS_S3_DOMAIN_NAME"] = "s3.example.com,mys3.example.com";

        Assert.Equal(["s3.example.com", "mys3.example.com"], sandbox.Load().Settings.Gateway.DomainNames);
    }

    [Fact]
    public void Tls_needs_existing_certificate_and_key_files()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_TLS_ENABLED"] = "true";
        Assert.Equal("tls.cert_file", sandbox.LoadFails().Key);

        sandbox.Environment["LAKEFS_TLS_CERT_FILE"] = sandbox.WriteFile("cwd/tls/cert.pem", "cert");
        sandbox.Environment["LAKEFS_TLS_KEY_FILE"] = "tls/missing.pem";
        var error = sandbox.LoadFails();
        Assert.Equal("tls.key_file", error.Key);
        Assert.Contains(Path.Combine(sandbox.WorkingDirectory, "tls", "missing.pem"), error.Message, StringComparison.Ordinal);

        sandbox.WriteFile("cwd/tls/missing.pem", "key");
        var tls = sandbox.Load().Settings.Server.Tls;
        Assert.True(tls.Enabled);
        Assert.Equal(Path.Combine(sandbox.WorkingDirectory, "tls", "missing.pem"), tls.KeyFile);
    }

    [Fact]
    public void S3_static_credentials_come_in_pairs()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_BLOCKSTORE_S3_CREDENTIALS_ACCESS_KEY_ID"] = "AKIAEXAMPLE";

        var error = sandbox.LoadFails();

        Assert.Equal("blockstore.s3.credentials.secret_access_key", error.Key);
        Assert.DoesNotContain("AKIAEXAMPLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_authenticator_needs_an_endpoint()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_REMOTE_AUTHENTICATOR_ENABLED"] = "true";

        Assert.Equal("auth.remote_authenticator.endpoint", sandbox.LoadFails().Key);
    }

    [Fact]
    public void Installation_access_key_id_must_be_3_to_20_characters()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_INSTALLATION_USER_NAME"] = "admin";
        sandbox.Environment["LAKEFS_INSTALLATION_ACCESS_KEY_ID"] = "AKIAAAAAAAAAAAAAAAAAAAAAAA";
        sandbox.Environment["LAKEFS_INSTALLATION_SECRET_ACCESS_KEY"] = "s";

        var error = sandbox.LoadFails();

        Assert.Equal("installation.access_key_id", error.Key);
        Assert.Contains("invalid access key ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_installation_values_warn()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_INSTALLATION_USER_NAME"] = "admin";

        var result = sandbox.Load();

        Assert.False(result.Settings.Installation.HasAdmin);
        Assert.Contains(result.Warnings, warning => warning.Contains("must all be set", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_are_configuration_exceptions_of_kind_invalid_argument()
    {
        using var sandbox = new ConfigSandbox();

        ConfigurationException error = sandbox.LoadFails();

        Assert.Equal(Tarn.Core.ErrorKind.InvalidArgument, error.Kind);
    }
}
