using Microsoft.Extensions.Logging;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Tests.Configuration;

/// <summary>A production-style lakeFS configuration, as the lakeFS deployment docs describe one, must load as is.</summary>
public sealed class LakeFsConfigFileTests
{
    private const string ProductionConfig = """
        ---
        listen_address: "0.0.0.0:8000"

        logging:
          format: json
          level: WARN
          output: "-"
          audit_log_level: INFO

        database:
          type: "postgres"
          postgres:
            connection_string: "postgres://lakefs:lakefs-db-password@lakefs.rds.amazonaws.com:5432/lakefs?sslmode=require"
            max_open_connections: 50
            max_idle_connections: 10
            connection_max_lifetime: 10m

        auth:
          encrypt:
            secret_key: "10a718b3f285d89c36e9864494cdd1507f3bc85b342df24736ea81f9a1134bcc"
          cache:
            enabled: true
            ttl: 30s
          login_duration: 12h

        blockstore:
          type: s3
          default_namespace_prefix: s3://company-lakefs/
          s3:
            region: us-east-2
            force_path_style: true
            endpoint: https://minio.internal:9000
            discover_bucket_region: false
            pre_signed_expiry: 30m
            credentials:
              access_key_id: AKIAIOSFODNN7EXAMPLE
              secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

        gateways:
          s3:
            domain_name: s3.lakefs.example.com
            region: us-east-2

        stats:
          enabled: false

        committed:
          local_cache:
            dir: /data/cache
        """;

    [Fact]
    public void Production_style_lakefs_config_loads()
    {
        using var sandbox = new ConfigSandbox();

        var result = sandbox.LoadYaml(ProductionConfig);
        var settings = result.Settings;

        Assert.Equal(Path.Combine(sandbox.WorkingDirectory, "config.yaml"), result.ConfigFile);
        Assert.Equal(LogFormat.Json, settings.Logging.Format);
        Assert.Equal(LogLevel.Warning, settings.Logging.Level);
        Assert.Equal(LogLevel.Information, settings.Logging.AuditLogLevel);
        Assert.Equal(DatabaseType.Postgres, settings.Database.Type);
        Assert.Contains("lakefs-db-password", settings.Database.Postgres.ConnectionString!.Reveal(), StringComparison.Ordinal);
        Assert.Equal(50, settings.Database.Postgres.MaxOpenConnections);
        Assert.Equal(10, settings.Database.Postgres.MaxIdleConnections);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Database.Postgres.ConnectionMaxLifetime);
        Assert.Equal(TimeSpan.FromHours(12), settings.Auth.LoginDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Auth.Cache.Ttl);
        Assert.Equal(BlockstoreType.S3, settings.Blockstore.Type);
        Assert.Equal("s3://company-lakefs/", settings.Blockstore.DefaultNamespacePrefix);
        Assert.Equal("us-east-2", settings.Blockstore.S3.Region);
        Assert.Equal("https://minio.internal:9000", settings.Blockstore.S3.Endpoint);
        Assert.False(settings.Blockstore.S3.DiscoverBucketRegion);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.Blockstore.S3.PreSignedExpiry);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", settings.Blockstore.S3.Credentials!.AccessKeyId.Reveal());
        Assert.Equal(["s3.lakefs.example.com"], settings.Gateway.DomainNames);
        Assert.False(settings.Stats.Enabled);

        // Only the committed cache directory is a lakeFS-only key; nothing else warns.
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("\"committed.local_cache.dir\"", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Settings.Describe(), line => line.Contains("lakefs-db-password", StringComparison.Ordinal));
    }

    [Fact]
    public void Environment_secrets_complete_a_file_without_them()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Environment["LAKEFS_AUTH_ENCRYPT_SECRET_KEY"] = ConfigSandbox.GoodSecret;
        sandbox.Environment["LAKEFS_DATABASE_POSTGRES_CONNECTION_STRING"] = "postgres://u:p@h/db";

        var settings = sandbox.LoadYaml("database:\n  type: postgres\nblockstore:\n  type: local\n  local:\n    path: /srv/lakefs\n    import_enabled: true\n    allowed_external_prefixes: [/mnt/data, /mnt/more]\n").Settings;

        Assert.Equal("postgres://u:p@h/db", settings.Database.Postgres.ConnectionString!.Reveal());
        Assert.True(settings.Blockstore.Local.ImportEnabled);
        Assert.Equal(["/mnt/data", "/mnt/more"], settings.Blockstore.Local.AllowedExternalPrefixes);
    }
}
