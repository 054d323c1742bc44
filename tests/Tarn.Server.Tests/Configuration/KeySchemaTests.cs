using Tarn.Server.Configuration.Schema;

namespace Tarn.Server.Tests.Configuration;

public sealed class KeySchemaTests
{
    // Every key of lakeFS v1.12.1's configuration (docs/configuration.md, "Keys"; wildcard rows are represented by one of their keys).
    private static readonly string[] SpecKeys =
    [
        "listen_address", "tls.enabled", "tls.cert_file", "tls.key_file", "logging.format", "logging.level",
        "logging.output", "logging.file_max_size_mb", "logging.files_keep", "logging.audit_log_level",
        "logging.trace_request_headers", "ui.enabled", "ui.snippets",
        "database.type", "database.local.path", "database.local.sync_writes", "database.local.prefetch_size",
        "database.local.enable_logging", "database.postgres.connection_string", "database.postgres.max_open_connections",
        "database.postgres.max_idle_connections", "database.postgres.connection_max_lifetime",
        "database.dynamodb.table_name", "database.dynamodb.scan_limit", "database.dynamodb.max_attempts", "database.cosmosdb.endpoint",
        "blockstore.type", "blockstore.default_namespace_prefix", "blockstore.local.path", "blockstore.local.import_enabled",
        "blockstore.local.import_hidden", "blockstore.local.allowed_external_prefixes", "blockstore.s3.region",
        "blockstore.s3.endpoint", "blockstore.s3.force_path_style", "blockstore.s3.credentials.access_key_id",
        "blockstore.s3.credentials.secret_access_key", "blockstore.s3.credentials.session_token", "blockstore.s3.profile",
        "blockstore.s3.credentials_file", "blockstore.s3.max_retries", "blockstore.s3.discover_bucket_region",
        "blockstore.s3.skip_verify_certificate_test_only", "blockstore.s3.server_side_encryption",
        "blockstore.s3.server_side_encryption_kms_key_id", "blockstore.s3.pre_signed_expiry", "blockstore.s3.disable_pre_signed",
        "blockstore.s3.disable_pre_signed_ui", "blockstore.s3.disable_pre_signed_multipart", "blockstore.s3.client_log_request",
        "blockstore.s3.client_log_retries", "blockstore.s3.web_identity.session_duration",
        "blockstore.s3.web_identity.session_expiry_window", "blockstore.gs.pre_signed_expiry", "blockstore.gs.disable_pre_signed_ui",
        "blockstore.azure.try_timeout", "blockstore.azure.pre_signed_expiry",
        "auth.encrypt.secret_key", "auth.login_duration", "auth.logout_redirect_url", "auth.cache.enabled", "auth.cache.size",
        "auth.cache.ttl", "auth.cache.jitter", "auth.ui_config.rbac", "auth.ui_config.login_url",
        "auth.ui_config.login_failed_message", "auth.ui_config.fallback_login_url", "auth.ui_config.fallback_login_label",
        "auth.ui_config.login_cookie_names", "auth.ui_config.logout_url", "auth.remote_authenticator.enabled",
        "auth.remote_authenticator.endpoint", "auth.remote_authenticator.default_user_group",
        "auth.remote_authenticator.request_timeout", "auth.oidc.friendly_name_claim_name",
        "auth.cookie_auth_verification.auth_source", "auth.api.endpoint", "auth.api.token", "auth.api.supports_invites",
        "auth.api.health_check_timeout", "auth.api.skip_health_check",
        "gateways.s3.domain_name", "gateways.s3.region", "gateways.s3.fallback_url", "gateways.s3.verify_unsupported",
        "actions.enabled", "actions.env.enabled", "actions.env.prefix", "actions.lua.net_http_enabled",
        "installation.user_name", "installation.access_key_id", "installation.secret_access_key", "installation.fixed_id",
        "email_subscription.enabled", "stats.enabled", "stats.address", "stats.flush_interval", "stats.flush_size",
        "security.check_latest_version", "security.check_latest_version_cache", "security.audit_check_interval",
        "security.audit_check_url", "usage_report.enabled", "usage_report.flush_interval",
        "committed.local_cache.size_bytes", "committed.block_storage_prefix", "committed.permanent.max_range_size_bytes",
        "committed.sstable.memory.cache_size_bytes", "graveler.ensure_readable_root_namespace", "graveler.repository_cache.size",
        "graveler.repository_cache.expiry", "graveler.repository_cache.jitter", "graveler.commit_cache.size",
        "graveler.commit_cache.expiry", "graveler.commit_cache.jitter", "graveler.background.rate_limit",
        "ugc.prepare_max_file_size", "ugc.prepare_interval",
    ];

    [Fact]
    public void Every_key_of_the_spec_is_in_the_table()
    {
        var missing = SpecKeys.Where(name => !ConfigKeyCatalog.Default.TryGetKey(name, out _)).ToList();

        Assert.Empty(missing);
    }

    /// <summary>Keys of those subsystems that Tarn does honour, for a part of its own.</summary>
    private static readonly string[] UsedInIgnoredSubsystems = ["committed.sstable.memory.cache_size_bytes"];

    [Fact]
    public void The_memory_cache_key_is_honoured()
    {
        Assert.Equal(KeySupport.Supported, ConfigKeyCatalog.Default["committed.sstable.memory.cache_size_bytes"].Support);
    }

    [Theory]
    [InlineData("database.dynamodb.")]
    [InlineData("database.cosmosdb.")]
    [InlineData("blockstore.gs.")]
    [InlineData("blockstore.azure.")]
    [InlineData("auth.oidc.")]
    [InlineData("auth.api.")]
    [InlineData("security.")]
    [InlineData("committed.")]
    [InlineData("graveler.")]
    [InlineData("ugc.")]
    public void Subsystems_tarn_lacks_are_accepted_and_ignored(string prefix)
    {
        var keys = ConfigKeyCatalog.Default.Keys
            .Where(key => key.Name.StartsWith(prefix, StringComparison.Ordinal) && !UsedInIgnoredSubsystems.Contains(key.Name))
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(KeySupport.AcceptedIgnored, key.Support));
    }

    [Theory]
    [InlineData("auth.encrypt.secret_key")]
    [InlineData("database.postgres.connection_string")]
    [InlineData("blockstore.s3.credentials.secret_access_key")]
    [InlineData("installation.secret_access_key")]
    [InlineData("database.dynamodb.aws_secret_access_key")]
    [InlineData("auth.api.token")]
    public void Credentials_are_marked_secret(string name)
    {
        Assert.True(ConfigKeyCatalog.Default[name].IsSecret);
    }

    [Theory]
    [InlineData("LAKEFS_LISTEN_ADDRESS", "listen_address")]
    [InlineData("LAKEFS_BLOCKSTORE_LOCAL_PATH", "blockstore.local.path")]
    [InlineData("LAKEFS_AUTH_ENCRYPT_SECRET_KEY", "auth.encrypt.secret_key")]
    [InlineData("LAKEFS_GATEWAYS_S3_DOMAIN_NAME", "gateways.s3.domain_name")]
    [InlineData("LAKEFS_BLOCKSTORE_S3_WEB_IDENTITY_SESSION_EXPIRY_WINDOW", "blockstore.s3.web_identity.session_expiry_window")]
    public void Variables_map_to_keys(string variable, string name)
    {
        Assert.True(ConfigKeyCatalog.Default.TryGetByEnvironmentVariable(variable, out var key));
        Assert.Equal(name, key.Name);
    }

    [Fact]
    public void A_table_where_two_keys_share_a_variable_is_rejected()
    {
        ConfigKey[] keys = [new("a.b_c", ConfigValueType.Text), new("a_b.c", ConfigValueType.Text)];

        Assert.Throws<ArgumentException>(() => new ConfigKeyCatalog(keys));
    }

    [Fact]
    public void A_name_that_is_both_key_and_section_is_rejected()
    {
        ConfigKey[] keys = [new("a", ConfigValueType.Text), new("a.b", ConfigValueType.Text)];

        Assert.Throws<ArgumentException>(() => new ConfigKeyCatalog(keys));
    }

    [Fact]
    public void Choice_keys_declare_their_values()
    {
        Assert.All(
            ConfigKeyCatalog.Default.Keys.Where(key => key.Type == ConfigValueType.Choice),
            key => Assert.NotEmpty(key.AllowedValues));
    }
}
