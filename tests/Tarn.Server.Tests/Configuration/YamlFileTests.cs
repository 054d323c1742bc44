using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class YamlFileTests
{
    [Fact]
    public void Nested_yaml_maps_to_dotted_keys()
    {
        using var sandbox = new ConfigSandbox();

        var settings = sandbox.LoadYaml($"""
            listen_address: "127.0.0.1:9000"
            database:
              type: local
              local:
                path: /var/lib/tarn/meta
                sync_writes: false
            blockstore:
              type: s3
              s3:
                region: eu-west-1
                force_path_style: true
                credentials:
                  access_key_id: AKIAEXAMPLE
                  secret_access_key: example-secret
            auth:
              encrypt:
                secret_key: {ConfigSandbox.GoodSecret}
              ui_config:
                rbac: internal
            """).Settings;

        Assert.Equal("127.0.0.1:9000", settings.Server.ListenAddress);
        Assert.Equal(DatabaseType.Local, settings.Database.Type);
        Assert.Equal("/var/lib/tarn/meta", settings.Database.Local.Path);
        Assert.False(settings.Database.Local.SyncWrites);
        Assert.Equal(BlockstoreType.S3, settings.Blockstore.Type);
        Assert.Equal("eu-west-1", settings.Blockstore.S3.Region);
        Assert.True(settings.Blockstore.S3.ForcePathStyle);
        Assert.Equal("AKIAEXAMPLE", settings.Blockstore.S3.Credentials!.AccessKeyId.Reveal());
        Assert.Equal("example-secret", settings.Blockstore.S3.Credentials.SecretAccessKey.Reveal());
        Assert.Equal(RbacMode.Internal, settings.Auth.UiConfig.Rbac);
    }

    [Fact]
    public void Keys_match_case_insensitively_as_in_viper()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var settings = sandbox.LoadYaml("Gateways:\n  S3:\n    Region: ap-south-1\n").Settings;

        Assert.Equal("ap-south-1", settings.Gateway.Region);
    }

    [Fact]
    public void Empty_file_and_null_values_leave_defaults()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        Assert.Equal("0.0.0.0:8000", sandbox.LoadYaml("").Settings.Server.ListenAddress);
        var settings = sandbox.LoadYaml("listen_address:\nlogging:\n").Settings;

        Assert.Equal("0.0.0.0:8000", settings.Server.ListenAddress);
        Assert.Equal(LogFormat.Text, settings.Logging.Format);
    }

    [Fact]
    public void String_lists_accept_a_yaml_list_or_a_comma_separated_string()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var fromList = sandbox.LoadYaml("gateways:\n  s3:\n    domain_name: [s3.example.com, s3.example.org]\n").Settings;
        var fromString = sandbox.LoadYaml("gateways:\n  s3:\n    domain_name: \"s3.example.com, s3.example.org\"\n").Settings;
        sandbox.Environment["LAKEFS_LOGGING_OUTPUT"] = "-,/var/log/tarn.log";
        var fromEnvironment = sandbox.Load().Settings;

        Assert.Equal(["s3.example.com", "s3.example.org"], fromList.Gateway.DomainNames);
        Assert.Equal(["s3.example.com", "s3.example.org"], fromString.Gateway.DomainNames);
        Assert.Equal(["-", "/var/log/tarn.log"], fromEnvironment.Logging.Output);
    }

    [Fact]
    public void Ui_snippets_are_read_as_objects()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var settings = sandbox.LoadYaml("""
            ui:
              snippets:
                - id: banner
                  code: "<b>test</b>"
            """).Settings;

        Assert.Equal([new UiSnippet("banner", "<b>test</b>")], settings.Ui.Snippets);
    }

    [Fact]
    public void Unknown_snippet_field_fails_naming_the_key()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("ui:\n  snippets:\n    - id: a\n      html: b\n");

        Assert.Equal("ui.snippets", error.Key);
        Assert.Contains("\"html\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_fails_naming_it()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("databse:\n  type: local\n");

        Assert.StartsWith("unknown configuration key \"databse.type\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("databse.type", error.Key);
        var nested = sandbox.LoadYamlFails("database:\n  typ: local\n");
        Assert.StartsWith("unknown configuration key \"database.typ\"", nested.Message, StringComparison.Ordinal);
        Assert.Equal("database.typ", nested.Key);
    }

    [Fact]
    public void Several_unknown_keys_are_all_named()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("foo: 1\nauth:\n  encrypt:\n    secret: x\n");

        Assert.Contains("\"foo\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"auth.encrypt.secret\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_given_a_value_fails_naming_it()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("database: local\n");

        Assert.Equal("database", error.Key);
    }

    [Fact]
    public void A_value_given_a_section_fails_naming_the_key()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("listen_address:\n  host: x\n");

        Assert.Equal("listen_address", error.Key);
    }

    [Fact]
    public void Invalid_yaml_fails_naming_the_file_and_line()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("database:\n  type: [local\n");

        Assert.Contains("config.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_fail()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        Assert.Contains("listen_address", sandbox.LoadYamlFails("listen_address: a:1\nlisten_address: b:2\n").Message, StringComparison.Ordinal);
        Assert.Equal("listen_address", sandbox.LoadYamlFails("listen_address: a:1\nLISTEN_ADDRESS: b:2\n").Key);
    }

    [Fact]
    public void Top_level_list_fails()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        Assert.Contains("top level", sandbox.LoadYamlFails("- a\n- b\n").Message, StringComparison.Ordinal);
    }
}
