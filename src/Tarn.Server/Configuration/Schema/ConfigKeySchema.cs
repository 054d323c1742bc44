using static Tarn.Server.Configuration.Schema.ConfigValueType;

namespace Tarn.Server.Configuration.Schema;

/// <summary>
/// Every configuration key of lakeFS v1.12.1 (plus a few neighbouring versions' keys, so files written for
/// them still load), one row each: name, value type, default, and flags. This is the only place keys are
/// declared; the file reader, the <c>LAKEFS_*</c> mapping, validation and <c>Describe()</c> all read it.
/// A key missing here is an unknown key and fails start-up.
/// </summary>
internal static class ConfigKeySchema
{
    /// <summary>The placeholder secret of the local profiles, refused outside them.</summary>
    public const string PlaceholderSecret = "THIS_MUST_BE_CHANGED_IN_PRODUCTION";

    private const KeyFlags Secret = KeyFlags.Secret;
    private const KeyFlags Ignored = KeyFlags.Ignored;
    private const KeyFlags IgnoredSecret = KeyFlags.Ignored | KeyFlags.Secret;

    private static readonly string[] LogLevels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "NONE"];

    private static readonly Dictionary<string, string> LogLevelAliases = new()
    {
        ["WARNING"] = "WARN",
        ["FATAL"] = "ERROR",
        ["PANIC"] = "ERROR",
    };

    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        // Server
        K("listen_address",                                      HostPort,   "0.0.0.0:8000"),
        K("tls.enabled",                                         Bool,       "false"),
        K("tls.cert_file",                                       FilePath),
        K("tls.key_file",                                        FilePath),

        // Logging
        OneOf("logging.format", "text", ["text", "json"]),
        OneOf("logging.level", "INFO", LogLevels, aliases: LogLevelAliases),
        OneOf("logging.audit_log_level", "DEBUG", LogLevels, aliases: LogLevelAliases),
        K("logging.output",                                      StringList, "-"),
        K("logging.file_max_size_mb",                            Int,        "100",    Ignored),
        K("logging.files_keep",                                  Int,        "100",    Ignored),
        K("logging.trace_request_headers",                       Bool,       "false"),

        // Actions (hooks)
        K("actions.enabled",                                     Bool,       "true"),
        K("actions.lua.net_http_enabled",                        Bool,       "false"),
        K("actions.env.enabled",                                 Bool,       "true"),
        K("actions.env.prefix",                                  Text,       "LAKEFSACTION_"),

        // Metadata database
        OneOf("database.type", null, ["local", "postgres", "mem"], unsupported: ["dynamodb", "cosmosdb"]),
        K("database.drop_tables",                                Bool,       null,     Ignored),
        K("database.local.path",                                 FilePath,   "~/lakefs/metadata"),
        K("database.local.sync_writes",                          Bool,       "true"),
        K("database.local.prefetch_size",                        Int,        "256",    Ignored),
        K("database.local.enable_logging",                       Bool,       "false",  Ignored),
        K("database.postgres.connection_string",                 Text,       null,     Secret),
        K("database.postgres.max_open_connections",              Int,        "25"),
        K("database.postgres.max_idle_connections",              Int,        "25"),
        K("database.postgres.connection_max_lifetime",           Duration,   "5m"),
        K("database.postgres.scan_page_size",                    Int,        null,     Ignored),
        K("database.postgres.metrics",                           Bool,       null,     Ignored),
        K("database.dynamodb.table_name",                        Text,       "kvstore", Ignored),
        K("database.dynamodb.scan_limit",                        Int,        "1024",   Ignored),
        K("database.dynamodb.endpoint",                          Text,       null,     Ignored),
        K("database.dynamodb.aws_region",                        Text,       null,     Ignored),
        K("database.dynamodb.aws_profile",                       Text,       null,     Ignored),
        K("database.dynamodb.aws_access_key_id",                 Text,       null,     IgnoredSecret),
        K("database.dynamodb.aws_secret_access_key",             Text,       null,     IgnoredSecret),
        K("database.dynamodb.health_check_interval",             Duration,   null,     Ignored),
        K("database.dynamodb.max_attempts",                      Int,        "10",     Ignored),
        K("database.dynamodb.max_connections",                   Int,        null,     Ignored),
        K("database.cosmosdb.key",                               Text,       null,     IgnoredSecret),
        K("database.cosmosdb.endpoint",                          Text,       null,     Ignored),
        K("database.cosmosdb.database",                          Text,       null,     Ignored),
        K("database.cosmosdb.container",                         Text,       null,     Ignored),
        K("database.cosmosdb.throughput",                        Int,        null,     Ignored),
        K("database.cosmosdb.autoscale",                         Bool,       null,     Ignored),

        // Authentication
        K("auth.encrypt.secret_key",                             Text,       null,     Secret),
        K("auth.login_duration",                                 Duration,   "168h"),
        K("auth.login_max_duration",                             Duration,   null,     Ignored),
        K("auth.logout_redirect_url",                            Text,       "/auth/login"),
        K("auth.cache.enabled",                                  Bool,       "true"),
        K("auth.cache.size",                                     Int,        "1024"),
        K("auth.cache.ttl",                                      Duration,   "20s"),
        K("auth.cache.jitter",                                   Duration,   "3s"),
        OneOf("auth.ui_config.rbac", "simplified", ["simplified", "internal"], unsupported: ["external", "none"]),
        K("auth.ui_config.login_url",                            Text),
        K("auth.ui_config.login_failed_message",                 Text,       "The credentials don't match."),
        K("auth.ui_config.fallback_login_url",                   Text),
        K("auth.ui_config.fallback_login_label",                 Text),
        K("auth.ui_config.login_cookie_names",                   StringList, "internal_auth_session"),
        K("auth.ui_config.logout_url",                           Text),
        K("auth.remote_authenticator.enabled",                   Bool,       "false"),
        K("auth.remote_authenticator.endpoint",                  Text),
        K("auth.remote_authenticator.default_user_group",        Text,       "Viewers"),
        K("auth.remote_authenticator.request_timeout",           Duration,   "10s"),
        K("auth.api.endpoint",                                   Text,       null,     Ignored),
        K("auth.api.token",                                      Text,       null,     IgnoredSecret),
        K("auth.api.supports_invites",                           Bool,       null,     Ignored),
        K("auth.api.health_check_timeout",                       Duration,   "20s",    Ignored),
        K("auth.api.skip_health_check",                          Bool,       null,     Ignored),
        K("auth.authentication_api.endpoint",                    Text,       null,     Ignored),
        K("auth.authentication_api.external_principals_enabled", Bool,       null,     Ignored),
        K("auth.oidc.validate_id_token_claims",                  StringMap,  null,     Ignored),
        K("auth.oidc.default_initial_groups",                    StringList, null,     Ignored),
        K("auth.oidc.initial_groups_claim_name",                 Text,       null,     Ignored),
        K("auth.oidc.friendly_name_claim_name",                  Text,       null,     Ignored),
        K("auth.oidc.persist_friendly_name",                     Bool,       null,     Ignored),
        K("auth.cookie_auth_verification.validate_id_token_claims", StringMap,  null,     Ignored),
        K("auth.cookie_auth_verification.default_initial_groups", StringList, null,     Ignored),
        K("auth.cookie_auth_verification.initial_groups_claim_name", Text,       null,     Ignored),
        K("auth.cookie_auth_verification.friendly_name_claim_name", Text,       null,     Ignored),
        K("auth.cookie_auth_verification.external_user_id_claim_name", Text,       null,     Ignored),
        K("auth.cookie_auth_verification.auth_source",           Text,       null,     Ignored),
        K("auth.cookie_auth_verification.persist_friendly_name", Bool,       null,     Ignored),

        // Block store
        OneOf("blockstore.type", null, ["local", "mem", "s3"], unsupported: ["gs", "azure", "transient"],
            aliases: new() { ["memory"] = "mem" }),
        K("blockstore.default_namespace_prefix",                 Text),
        K("blockstore.signing.secret_key",                       Text,       null,     IgnoredSecret),
        K("blockstore.local.path",                               FilePath,   "~/lakefs/data/block"),
        K("blockstore.local.import_enabled",                     Bool,       "false"),
        K("blockstore.local.import_hidden",                      Bool,       "false"),
        K("blockstore.local.allowed_external_prefixes",          StringList),
        K("blockstore.local.advertise_pre_signed",               Bool,       "false"),   // Tarn's own key
        K("blockstore.s3.region",                                Text,       "us-east-1"),
        K("blockstore.s3.endpoint",                              Text),
        K("blockstore.s3.force_path_style",                      Bool,       "false"),
        K("blockstore.s3.profile",                               Text),
        K("blockstore.s3.credentials_file",                      FilePath),
        K("blockstore.s3.credentials.access_key_id",             Text,       null,     Secret),
        K("blockstore.s3.credentials.secret_access_key",         Text,       null,     Secret),
        K("blockstore.s3.credentials.session_token",             Text,       null,     Secret),
        K("blockstore.s3.max_retries",                           Int,        "5"),
        K("blockstore.s3.discover_bucket_region",                Bool,       "true"),
        K("blockstore.s3.skip_verify_certificate_test_only",     Bool,       "false"),
        K("blockstore.s3.server_side_encryption",                Text),
        K("blockstore.s3.server_side_encryption_kms_key_id",     Text),
        K("blockstore.s3.pre_signed_expiry",                     Duration,   "15m"),
        K("blockstore.s3.pre_signed_endpoint",                   Text,       null,     Ignored),
        K("blockstore.s3.disable_pre_signed",                    Bool,       "false"),
        K("blockstore.s3.disable_pre_signed_ui",                 Bool,       "true"),
        K("blockstore.s3.disable_pre_signed_multipart",          Bool,       "false"),
        K("blockstore.s3.client_log_request",                    Bool,       "false"),
        K("blockstore.s3.client_log_retries",                    Bool,       "false"),
        K("blockstore.s3.web_identity.session_duration",         Duration),
        K("blockstore.s3.web_identity.session_expiry_window",    Duration,   "5m"),
        K("blockstore.s3.streaming_chunk_size",                  Int,        null,     Ignored),
        K("blockstore.s3.streaming_chunk_timeout",               Duration,   null,     Ignored),
        K("blockstore.gs.s3_endpoint",                           Text,       "https://storage.googleapis.com", Ignored),
        K("blockstore.gs.credentials_file",                      FilePath,   null,     Ignored),
        K("blockstore.gs.credentials_json",                      Text,       null,     IgnoredSecret),
        K("blockstore.gs.pre_signed_expiry",                     Duration,   "15m",    Ignored),
        K("blockstore.gs.disable_pre_signed",                    Bool,       "false",  Ignored),
        K("blockstore.gs.disable_pre_signed_ui",                 Bool,       "true",   Ignored),
        K("blockstore.gs.server_side_encryption_customer_supplied", Text,       null,     IgnoredSecret),
        K("blockstore.gs.server_side_encryption_kms_key_id",     Text,       null,     Ignored),
        K("blockstore.azure.try_timeout",                        Duration,   "10m",    Ignored),
        K("blockstore.azure.storage_account",                    Text,       null,     Ignored),
        K("blockstore.azure.storage_access_key",                 Text,       null,     IgnoredSecret),
        K("blockstore.azure.auth_method",                        Text,       null,     Ignored),
        K("blockstore.azure.pre_signed_expiry",                  Duration,   "15m",    Ignored),
        K("blockstore.azure.disable_pre_signed",                 Bool,       "false",  Ignored),
        K("blockstore.azure.disable_pre_signed_ui",              Bool,       "true",   Ignored),
        K("blockstore.azure.china_cloud",                        Bool,       null,     Ignored),
        K("blockstore.azure.test_endpoint_url",                  Text,       null,     Ignored),
        K("blockstore.azure.domain",                             Text,       null,     Ignored),

        // Committed-metadata storage tuning (lakeFS-specific)
        K("committed.local_cache.size_bytes",                    Int,        "1073741824", Ignored),
        K("committed.local_cache.dir",                           FilePath,   "~/lakefs/data/cache", Ignored),
        K("committed.local_cache.max_uploaders_per_writer",      Int,        "10",     Ignored),
        K("committed.local_cache.range_proportion",              Float,      "0.9",    Ignored),
        K("committed.local_cache.metarange_proportion",          Float,      "0.1",    Ignored),
        K("committed.block_storage_prefix",                      Text,       "_lakefs", Ignored),
        K("committed.permanent.min_range_size_bytes",            Int,        "0",      Ignored),
        K("committed.permanent.max_range_size_bytes",            Int,        "20971520", Ignored),
        K("committed.permanent.range_raggedness_entries",        Float,      "50000",  Ignored),
        K("committed.sstable.memory.cache_size_bytes",           Int,        "134217728"),

        // Uncommitted GC and graveler caches (lakeFS-specific)
        K("ugc.prepare_max_file_size",                           Int,        "20971520", Ignored),
        K("ugc.prepare_interval",                                Duration,   "1m",     Ignored),
        K("graveler.ensure_readable_root_namespace",             Bool,       "true",   Ignored),
        K("graveler.batch_dbio_transaction_markers",             Bool,       null,     Ignored),
        K("graveler.compaction_sensor_threshold",                Int,        null,     Ignored),
        K("graveler.repository_cache.size",                      Int,        "1000",   Ignored),
        K("graveler.repository_cache.expiry",                    Duration,   "5s",     Ignored),
        K("graveler.repository_cache.jitter",                    Duration,   "2s",     Ignored),
        K("graveler.commit_cache.size",                          Int,        "50000",  Ignored),
        K("graveler.commit_cache.expiry",                        Duration,   "10m",    Ignored),
        K("graveler.commit_cache.jitter",                        Duration,   "2s",     Ignored),
        K("graveler.background.rate_limit",                      Int,        "0",      Ignored),
        K("graveler.max_batch_delay",                            Duration,   null,     Ignored),
        K("graveler.branch_ownership.enabled",                   Bool,       null,     Ignored),
        K("graveler.branch_ownership.refresh",                   Duration,   null,     Ignored),
        K("graveler.branch_ownership.acquire",                   Duration,   null,     Ignored),

        // S3 gateway
        K("gateways.s3.domain_name",                             StringList, "s3.local.lakefs.io"),
        K("gateways.s3.region",                                  Text,       "us-east-1"),
        K("gateways.s3.fallback_url",                            Text),
        K("gateways.s3.verify_unsupported",                      Bool,       "true"),

        // Setup, telemetry and miscellaneous. Tarn never sends telemetry, so stats.enabled defaults to false.
        K("installation.user_name",                              Text),
        K("installation.access_key_id",                          Text,       null,     Secret),
        K("installation.secret_access_key",                      Text,       null,     Secret),
        K("installation.fixed_id",                               Text),
        K("installation.allow_inter_region_storage",             Bool,       null,     Ignored),
        K("email_subscription.enabled",                          Bool,       "true"),
        K("stats.enabled",                                       Bool,       "false"),
        K("stats.address",                                       Text,       "https://stats.lakefs.io", Ignored),
        K("stats.flush_interval",                                Duration,   "30s",    Ignored),
        K("stats.flush_size",                                    Int,        "100",    Ignored),
        K("stats.extended",                                      Bool,       null,     Ignored),
        K("security.check_latest_version",                       Bool,       "true",   Ignored),
        K("security.check_latest_version_cache",                 Duration,   "1h",     Ignored),
        K("security.audit_check_interval",                       Duration,   "24h",    Ignored),
        K("security.audit_check_url",                            Text,       "https://audit.lakefs.io/audit", Ignored),
        K("usage_report.enabled",                                Bool,       "false"),
        K("usage_report.flush_interval",                         Duration,   "5m"),
        K("ui.enabled",                                          Bool,       "true"),
        new ConfigKey("ui.snippets", ObjectList) { Fields = ["id", "code"] },
        K("email.smtp_host",                                     Text,       null,     Ignored),
        K("email.smtp_port",                                     Int,        null,     Ignored),
        K("email.use_ssl",                                       Bool,       null,     Ignored),
        K("email.username",                                      Text,       null,     Ignored),
        K("email.password",                                      Text,       null,     IgnoredSecret),
        K("email.local_name",                                    Text,       null,     Ignored),
        K("email.sender",                                        Text,       null,     Ignored),
        K("email.limit_every_duration",                          Duration,   null,     Ignored),
        K("email.burst",                                         Int,        null,     Ignored),
        K("email.lakefs_base_url",                               Text,       null,     Ignored),
        K("plugins.default_path",                                FilePath,   "~/.lakefs/plugins", Ignored),
        K("plugins.properties",                                  Any,        null,     Ignored),
        K("diff.delta.plugin",                                   Text,       null,     Ignored),
    ];

    private static ConfigKey K(string name, ConfigValueType type, string? defaultValue = null, KeyFlags flags = KeyFlags.None) =>
        new(name, type)
        {
            Default = defaultValue,
            IsSecret = flags.HasFlag(KeyFlags.Secret),
            Support = flags.HasFlag(KeyFlags.Ignored) ? KeySupport.AcceptedIgnored : KeySupport.Supported,
        };

    private static ConfigKey OneOf(
        string name,
        string? defaultValue,
        string[] allowed,
        string[]? unsupported = null,
        Dictionary<string, string>? aliases = null) =>
        new(name, ConfigValueType.Choice)
        {
            Default = defaultValue,
            AllowedValues = allowed,
            UnsupportedValues = unsupported ?? [],
            Aliases = aliases ?? new Dictionary<string, string>(),
        };

    [Flags]
    private enum KeyFlags
    {
        None = 0,
        Secret = 1,
        Ignored = 2,
    }
}
