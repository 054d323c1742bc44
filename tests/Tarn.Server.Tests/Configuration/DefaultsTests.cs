using Microsoft.Extensions.Logging;
using Tarn.Server.Configuration;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class DefaultsTests
{
    [Fact]
    public void Defaults_follow_config_md_section_2()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var settings = sandbox.Load().Settings;

        Assert.Equal("0.0.0.0:8000", settings.Server.ListenAddress);
        Assert.Equal("0.0.0.0", settings.Server.ListenHost);
        Assert.Equal(8000, settings.Server.ListenPort);
        Assert.False(settings.Server.Tls.Enabled);
        Assert.Equal(LogFormat.Text, settings.Logging.Format);
        Assert.Equal(LogLevel.Information, settings.Logging.Level);
        Assert.Equal(LogLevel.Debug, settings.Logging.AuditLogLevel);
        Assert.Equal(["-"], settings.Logging.Output);
        Assert.Equal(Path.Combine(sandbox.HomeDirectory, "lakefs", "metadata"), settings.Database.Local.Path);
        Assert.True(settings.Database.Local.SyncWrites);
        Assert.Equal(25, settings.Database.Postgres.MaxOpenConnections);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Database.Postgres.ConnectionMaxLifetime);
        Assert.Equal(Path.Combine(sandbox.HomeDirectory, "lakefs", "data", "block"), settings.Blockstore.Local.Path);
        Assert.Equal("us-east-1", settings.Blockstore.S3.Region);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Blockstore.S3.PreSignedExpiry);
        Assert.True(settings.Blockstore.S3.DisablePreSignedUi);
        Assert.Null(settings.Blockstore.S3.Credentials);
        Assert.Equal(TimeSpan.FromHours(168), settings.Auth.LoginDuration);
        Assert.Equal("/auth/login", settings.Auth.LogoutRedirectUrl);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.Auth.Cache.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Auth.Cache.Jitter);
        Assert.Equal(1024, settings.Auth.Cache.Size);
        Assert.Equal(RbacMode.Simplified, settings.Auth.UiConfig.Rbac);
        Assert.Equal("The credentials don't match.", settings.Auth.UiConfig.LoginFailedMessage);
        Assert.Equal(["internal_auth_session"], settings.Auth.UiConfig.LoginCookieNames);
        Assert.Equal("Viewers", settings.Auth.RemoteAuthenticator.DefaultUserGroup);
        Assert.Equal(["s3.local.lakefs.io"], settings.Gateway.DomainNames);
        Assert.Equal("us-east-1", settings.Gateway.Region);
        Assert.True(settings.Gateway.VerifyUnsupported);
        Assert.True(settings.Actions.Enabled);
        Assert.Equal("LAKEFSACTION_", settings.Actions.EnvPrefix);
        Assert.True(settings.EmailSubscription.Enabled);
        Assert.False(settings.Stats.Enabled);
        Assert.False(settings.UsageReport.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.UsageReport.FlushInterval);
        Assert.True(settings.Ui.Enabled);
        Assert.Empty(settings.Ui.Snippets);
        Assert.False(settings.Installation.HasAdmin);
    }

    [Fact]
    public void No_file_and_only_the_required_variables_loads_without_warnings()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var result = sandbox.Load();

        Assert.Null(result.ConfigFile);
        Assert.Empty(result.Warnings);
        Assert.Equal(DatabaseType.Mem, result.Settings.Database.Type);
        Assert.Equal(BlockstoreType.Mem, result.Settings.Blockstore.Type);
        Assert.Equal(ConfigSandbox.GoodSecret, result.Settings.Auth.EncryptSecretKey.Reveal());
    }

    [Fact]
    public void Local_settings_profile_supplies_database_blockstore_and_placeholder_secret()
    {
        using var sandbox = new ConfigSandbox();

        var result = sandbox.Load(ConfigProfile.LocalSettings);

        Assert.Equal(DatabaseType.Local, result.Settings.Database.Type);
        Assert.Equal(BlockstoreType.Local, result.Settings.Blockstore.Type);
        Assert.Equal("THIS_MUST_BE_CHANGED_IN_PRODUCTION", result.Settings.Auth.EncryptSecretKey.Reveal());
        Assert.Equal("0.0.0.0:8000", result.Settings.Server.ListenAddress);
        Assert.Contains(result.Warnings, warning => warning.Contains("not for production", StringComparison.Ordinal));
    }

    [Fact]
    public void Tilde_and_relative_paths_become_absolute()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_DATABASE_LOCAL_PATH"] = "~/meta";
        sandbox.Environment["LAKEFS_BLOCKSTORE_LOCAL_PATH"] = "data/blocks";

        var settings = sandbox.Load().Settings;

        Assert.Equal(Path.Combine(sandbox.HomeDirectory, "meta"), settings.Database.Local.Path);
        Assert.Equal(Path.Combine(sandbox.WorkingDirectory, "data", "blocks"), settings.Blockstore.Local.Path);
    }
}
