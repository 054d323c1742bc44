using Tarn.Server.Configuration;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class EnvironmentTests
{
    [Fact]
    public void Environment_overrides_the_file()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_LISTEN_ADDRESS"] = "127.0.0.1:7000";
        sandbox.Environment["LAKEFS_GATEWAYS_S3_REGION"] = "eu-central-1";

        var settings = sandbox.LoadYaml("listen_address: 0.0.0.0:9000\ngateways:\n  s3:\n    region: us-west-2\n    fallback_url: http://fallback\n").Settings;

        Assert.Equal("127.0.0.1:7000", settings.Server.ListenAddress);
        Assert.Equal("eu-central-1", settings.Gateway.Region);
        Assert.Equal("http://fallback", settings.Gateway.FallbackUrl);
    }

    [Fact]
    public void Environment_overrides_a_profile_and_the_file_overrides_it_too()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "mem";

        var settings = sandbox.LoadYaml("blockstore:\n  type: mem\n", ConfigProfile.LocalSettings).Settings;

        Assert.Equal(DatabaseType.Mem, settings.Database.Type);
        Assert.Equal(BlockstoreType.Mem, settings.Blockstore.Type);
    }

    [Fact]
    public void Ambiguous_underscores_are_resolved_through_the_key_table()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment["LAKEFS_LISTEN_ADDRESS"] = "10.0.0.1:8001";
        sandbox.Environment["LAKEFS_BLOCKSTORE_LOCAL_PATH"] = "/srv/blocks";
        sandbox.Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = ConfigSandbox.GoodSecret;
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "local";
        sandbox.Environment["LAKEFS_BLOCKSTORE_TYPE"] = "local";
        sandbox.Environment["LAKEFS_BLOCKSTORE_S3_DISABLE_PRE_SIGNED_UI"] = "false";
        sandbox.Environment["LAKEFS_AUTH_UI_CONFIG_LOGIN_COOKIE_NAMES"] = "a,b";

        var settings = sandbox.Load().Settings;

        Assert.Equal("10.0.0.1:8001", settings.Server.ListenAddress);
        Assert.Equal("/srv/blocks", settings.Blockstore.Local.Path);
        Assert.Equal(ConfigSandbox.GoodSecret, settings.Auth.EncryptSecretKey.Reveal());
        Assert.False(settings.Blockstore.S3.DisablePreSignedUi);
        Assert.Equal(["a", "b"], settings.Auth.UiConfig.LoginCookieNames);
    }

    [Fact]
    public void Variables_matching_no_key_are_ignored_and_reported_by_name_only()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_ACCESS_KEY_ID"] = "client-key";
        sandbox.Environment["LAKEFS_SECRET_ACCESS_KEY"] = "client-secret";
        sandbox.Environment["LAKEFS_DATABASE"] = "section-not-key";
        sandbox.Environment["PATH"] = "/usr/bin";

        var result = sandbox.Load();

        Assert.Equal(["LAKEFS_ACCESS_KEY_ID", "LAKEFS_DATABASE", "LAKEFS_SECRET_ACCESS_KEY"], result.UnmatchedEnvironmentVariables);
        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("client-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_variables_do_not_override()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_GATEWAYS_S3_REGION"] = "";

        Assert.Equal("eu-west-3", sandbox.LoadYaml("gateways:\n  s3:\n    region: eu-west-3\n").Settings.Gateway.Region);
    }

    [Fact]
    public void Variable_names_are_case_sensitive()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["lakefs_listen_address"] = "1.2.3.4:5";

        Assert.Equal("0.0.0.0:8000", sandbox.Load().Settings.Server.ListenAddress);
    }

    [Fact]
    public void Objects_and_maps_can_be_given_in_the_environment()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_UI_SNIPPETS"] = "[{id: a, code: '<i>x</i>'}]";
        sandbox.Environment["LAKEFS_AUTH_OIDC_VALIDATE_ID_TOKEN_CLAIMS"] = "department=R&D,team=data";

        var result = sandbox.Load();

        Assert.Equal([new UiSnippet("a", "<i>x</i>")], result.Settings.Ui.Snippets);
        Assert.Contains("auth.oidc.validate_id_token_claims = {department: R&D, team: data}", result.Settings.Describe());
    }
}
