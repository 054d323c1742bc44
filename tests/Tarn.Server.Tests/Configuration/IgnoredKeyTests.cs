namespace Tarn.Server.Tests.Configuration;

public sealed class IgnoredKeyTests
{
    [Fact]
    public void Keys_of_subsystems_tarn_lacks_load_with_a_warning_naming_each()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var result = sandbox.LoadYaml("""
            database:
              dynamodb:
                table_name: lakefs-kv
                aws_secret_access_key: dynamo-secret-value
            blockstore:
              azure:
                storage_account: acct
              gs:
                credentials_file: ~/gcp.json
            auth:
              oidc:
                default_initial_groups: [Developers]
                validate_id_token_claims:
                  department: R&D
            stats:
              flush_interval: 1m
            security:
              check_latest_version: false
            committed:
              local_cache:
                size_bytes: 2_000_000_000
                range_proportion: 0.8
            graveler:
              commit_cache:
                size: 100
            ugc:
              prepare_interval: 2m
            logging:
              file_max_size_mb: 512
            plugins:
              properties:
                delta:
                  path: /opt/plugins/delta
                  version: 1
            """);

        string[] expected =
        [
            "database.dynamodb.table_name", "database.dynamodb.aws_secret_access_key", "blockstore.azure.storage_account",
            "blockstore.gs.credentials_file", "auth.oidc.default_initial_groups", "auth.oidc.validate_id_token_claims",
            "stats.flush_interval", "security.check_latest_version", "committed.local_cache.size_bytes",
            "committed.local_cache.range_proportion", "graveler.commit_cache.size", "ugc.prepare_interval",
            "logging.file_max_size_mb", "plugins.properties",
        ];
        Assert.Equal(expected.Length, result.Warnings.Count);
        foreach (var key in expected)
        {
            Assert.Contains(result.Warnings, warning => warning.Contains($"\"{key}\"", StringComparison.Ordinal) && warning.Contains("ignored", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("dynamo-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignored_keys_set_in_the_environment_warn_too()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();
        sandbox.Environment["LAKEFS_AUTH_API_ENDPOINT"] = "http://auth.example";

        var warning = Assert.Single(sandbox.Load().Warnings);

        Assert.Contains("\"auth.api.endpoint\"", warning, StringComparison.Ordinal);
        Assert.Contains("LAKEFS_AUTH_API_ENDPOINT", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_keys_are_still_type_checked()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var error = sandbox.LoadYamlFails("graveler:\n  repository_cache:\n    expiry: soon\n");

        Assert.Equal("graveler.repository_cache.expiry", error.Key);
    }

    [Fact]
    public void Supported_keys_such_as_stats_enabled_do_not_warn()
    {
        using var sandbox = new ConfigSandbox().WithRequiredKeys();

        var result = sandbox.LoadYaml("stats:\n  enabled: false\nusage_report:\n  enabled: true\n");

        Assert.Empty(result.Warnings);
        Assert.True(result.Settings.UsageReport.Enabled);
    }
}
