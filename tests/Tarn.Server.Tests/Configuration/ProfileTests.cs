using Tarn.Server.Configuration;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class ProfileTests
{
    [Fact]
    public void Quickstart_provides_the_well_known_admin_on_loopback()
    {
        using var sandbox = new ConfigSandbox();

        var result = sandbox.Load(ConfigProfile.Quickstart);
        var settings = result.Settings;

        Assert.Equal(ConfigProfile.Quickstart, settings.Profile);
        Assert.Equal("127.0.0.1:8000", settings.Server.ListenAddress);
        Assert.Equal(DatabaseType.Local, settings.Database.Type);
        Assert.Equal(BlockstoreType.Local, settings.Blockstore.Type);
        Assert.True(settings.Installation.HasAdmin);
        Assert.Equal("quickstart", settings.Installation.UserName);
        Assert.Equal("AKIAIOSFOLQUICKSTART", settings.Installation.AccessKeyId!.Reveal());
        Assert.Equal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", settings.Installation.SecretAccessKey!.Reveal());
        Assert.Contains(result.Warnings, warning => warning.Contains("--quickstart", StringComparison.Ordinal));
    }

    [Fact]
    public void Quickstart_listen_address_can_still_be_configured()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment["LAKEFS_LISTEN_ADDRESS"] = "0.0.0.0:8000";

        Assert.Equal("0.0.0.0:8000", sandbox.Load(ConfigProfile.Quickstart).Settings.Server.ListenAddress);
    }

    [Fact]
    public void Quickstart_accepts_mem_stores()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "mem";
        sandbox.Environment["LAKEFS_BLOCKSTORE_TYPE"] = "mem";

        Assert.Equal(DatabaseType.Mem, sandbox.Load(ConfigProfile.Quickstart).Settings.Database.Type);
    }

    [Theory]
    [InlineData("database:\n  type: postgres\n  postgres:\n    connection_string: postgres://h/db\n")]
    [InlineData("blockstore:\n  type: s3\n")]
    public void Quickstart_refuses_non_local_stores(string yaml)
    {
        using var sandbox = new ConfigSandbox();

        var error = sandbox.LoadYamlFails(yaml, ConfigProfile.Quickstart);

        Assert.Equal("quickstart mode can only run with local settings", error.Message);
    }

    [Theory]
    [InlineData("LAKEFS_INSTALLATION_USER_NAME", "admin")]
    [InlineData("LAKEFS_INSTALLATION_ACCESS_KEY_ID", "AKIAOTHERKEY")]
    [InlineData("LAKEFS_INSTALLATION_SECRET_ACCESS_KEY", "another-secret")]
    public void Quickstart_refuses_changed_installation_values(string variable, string value)
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment[variable] = value;

        var error = sandbox.LoadFails(ConfigProfile.Quickstart);

        Assert.Equal("installation parameters must not be changed in quickstart mode", error.Message);
    }

    [Fact]
    public void Placeholder_secret_is_refused_without_a_local_profile()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = "THIS_MUST_BE_CHANGED_IN_PRODUCTION";

        var error = sandbox.LoadFails();

        Assert.Equal("auth.encrypt.secret_key", error.Key);
        Assert.Contains("--local-settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_secret_from_a_file_is_allowed_with_local_settings()
    {
        using var sandbox = new ConfigSandbox();

        var result = sandbox.LoadYaml("auth:\n  encrypt:\n    secret_key: THIS_MUST_BE_CHANGED_IN_PRODUCTION\n", ConfigProfile.LocalSettings);

        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("shorter", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_secret_warns_but_loads()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = "short-but-real";

        var result = sandbox.Load();

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("auth.encrypt.secret_key is shorter than 32 bytes", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("short-but-real", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_of_exactly_32_bytes_does_not_warn()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = new string('k', 32);

        Assert.Empty(sandbox.Load().Warnings);
    }
}
