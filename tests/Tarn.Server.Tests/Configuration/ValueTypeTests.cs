using Microsoft.Extensions.Logging;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("LAKEFS_AUTH_CACHE_SIZE", "many", "auth.cache.size")]
    [InlineData("LAKEFS_AUTH_CACHE_SIZE", "1.5", "auth.cache.size")]
    [InlineData("LAKEFS_AUTH_CACHE_SIZE", "99999999999", "auth.cache.size")]
    [InlineData("LAKEFS_AUTH_CACHE_ENABLED", "yes", "auth.cache.enabled")]
    [InlineData("LAKEFS_AUTH_LOGIN_DURATION", "7d", "auth.login_duration")]
    [InlineData("LAKEFS_AUTH_LOGIN_DURATION", "3600", "auth.login_duration")]
    [InlineData("LAKEFS_LISTEN_ADDRESS", "8000", "listen_address")]
    [InlineData("LAKEFS_LISTEN_ADDRESS", "localhost:http", "listen_address")]
    [InlineData("LAKEFS_LISTEN_ADDRESS", "localhost:70000", "listen_address")]
    [InlineData("LAKEFS_LISTEN_ADDRESS", "::1:8000", "listen_address")]
    [InlineData("LAKEFS_LOGGING_LEVEL", "LOUD", "logging.level")]
    [InlineData("LAKEFS_LOGGING_FORMAT", "xml", "logging.format")]
    [InlineData("LAKEFS_COMMITTED_LOCAL_CACHE_RANGE_PROPORTION", "most", "committed.local_cache.range_proportion")]
    [InlineData("LAKEFS_DATABASE_DYNAMODB_SCAN_LIMIT", "lots", "database.dynamodb.scan_limit")]
    public void Wrong_type_fails_naming_the_key_and_the_source(string variable, string value, string key)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment[variable] = value;

        var error = sandbox.LoadFails();

        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_value_lists_the_expected_ones()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "foo";

        var error = sandbox.LoadFails();

        Assert.StartsWith("database.type: unknown value \"foo\" (expected local, postgres, mem)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LAKEFS_DATABASE_TYPE", "dynamodb", "database.type")]
    [InlineData("LAKEFS_DATABASE_TYPE", "cosmosdb", "database.type")]
    [InlineData("LAKEFS_BLOCKSTORE_TYPE", "gs", "blockstore.type")]
    [InlineData("LAKEFS_BLOCKSTORE_TYPE", "azure", "blockstore.type")]
    [InlineData("LAKEFS_BLOCKSTORE_TYPE", "transient", "blockstore.type")]
    [InlineData("LAKEFS_AUTH_UI_CONFIG_RBAC", "external", "auth.ui_config.rbac")]
    public void Known_lakefs_values_without_a_tarn_implementation_say_so(string variable, string value, string key)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment[variable] = value;

        var error = sandbox.LoadFails();

        Assert.Equal(key, error.Key);
        Assert.Contains($"\"{value}\" is not supported by Tarn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_ignore_case_and_accept_aliases()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_BLOCKSTORE_TYPE"] = "memory";
        sandbox.Environment["LAKEFS_DATABASE_TYPE"] = "Postgres";
        sandbox.Environment["LAKEFS_DATABASE_POSTGRES_CONNECTION_STRING"] = "postgres://localhost/db";
        sandbox.Environment["LAKEFS_LOGGING_LEVEL"] = "warning";
        sandbox.Environment["LAKEFS_LOGGING_FORMAT"] = "JSON";
        sandbox.Environment["LAKEFS_LOGGING_AUDIT_LOG_LEVEL"] = "none";

        var settings = sandbox.Load().Settings;

        Assert.Equal(BlockstoreType.Mem, settings.Blockstore.Type);
        Assert.Equal(DatabaseType.Postgres, settings.Database.Type);
        Assert.Equal(LogLevel.Warning, settings.Logging.Level);
        Assert.Equal(LogFormat.Json, settings.Logging.Format);
        Assert.Equal(LogLevel.Debug, settings.Logging.AuditLogLevel);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("false", false)]
    [InlineData("F", false)]
    [InlineData("0", false)]
    public void Booleans_accept_go_parse_bool_spellings(string text, bool expected)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_UI_ENABLED"] = text;

        Assert.Equal(expected, sandbox.Load().Settings.Ui.Enabled);
    }

    [Theory]
    [InlineData("2048", 2048)]
    [InlineData("2_048", 2048)]
    [InlineData("0x800", 2048)]
    [InlineData(" 2048 ", 2048)]
    public void Integers_accept_go_spellings(string text, int expected)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_CACHE_SIZE"] = text;

        Assert.Equal(expected, sandbox.Load().Settings.Auth.Cache.Size);
    }

    [Theory]
    [InlineData("[::1]:8000", "::1", 8000)]
    [InlineData(":9000", "", 9000)]
    [InlineData("localhost:0", "localhost", 0)]
    public void Listen_address_accepts_go_host_port_forms(string text, string host, int port)
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_LISTEN_ADDRESS"] = text;

        var server = sandbox.Load().Settings.Server;

        Assert.Equal(text, server.ListenAddress);
        Assert.Equal(host, server.ListenHost);
        Assert.Equal(port, server.ListenPort);
    }

    [Fact]
    public void Yaml_scalars_of_any_style_read_by_the_key_type()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var settings = sandbox.LoadYaml("auth:\n  cache:\n    size: \"77\"\n    enabled: 'false'\n    ttl: 1m\n").Settings;

        Assert.Equal(77, settings.Auth.Cache.Size);
        Assert.False(settings.Auth.Cache.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Auth.Cache.Ttl);
    }

    [Fact]
    public void A_list_where_a_single_value_is_expected_fails()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("gateways:\n  s3:\n    region: [a, b]\n");

        Assert.Equal("gateways.s3.region", error.Key);
        Assert.Contains("config.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_errors_of_secret_keys_do_not_echo_the_value()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment.Remove("LAKEFS_AUTH_ENCRYPT_SECRET_KEY");

        var error = sandbox.LoadYamlFails("auth:\n  encrypt:\n    secret_key: [hunter2-very-secret]\n");

        Assert.Equal("auth.encrypt.secret_key", error.Key);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
