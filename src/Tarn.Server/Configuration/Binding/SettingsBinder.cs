using Tarn.Server.Configuration.Parsing;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Configuration.Binding;

/// <summary>Copies validated values into the typed settings records, one method per area.</summary>
internal static class SettingsBinder
{
    public static TarnSettings Bind(ConfigValues values, ConfigProfile profile) => new()
    {
        Profile = profile,
        Server = Server(values),
        Logging = Logging(values),
        Database = Database(values),
        Blockstore = Blockstore(values),
        Committed = new CommittedSettings { MemoryCacheBytes = values.Int64("committed.sstable.memory.cache_size_bytes") },
        Auth = Auth(values),
        Gateway = new GatewaySettings
        {
            DomainNames = values.List("gateways.s3.domain_name"),
            Region = values.RequiredString("gateways.s3.region"),
            FallbackUrl = values.String("gateways.s3.fallback_url"),
            VerifyUnsupported = values.Bool("gateways.s3.verify_unsupported"),
        },
        Actions = new ActionsSettings
        {
            Enabled = values.Bool("actions.enabled"),
            LuaNetHttpEnabled = values.Bool("actions.lua.net_http_enabled"),
            EnvEnabled = values.Bool("actions.env.enabled"),
            EnvPrefix = values.String("actions.env.prefix") ?? string.Empty,
        },
        Installation = new InstallationSettings
        {
            UserName = values.String("installation.user_name"),
            AccessKeyId = values.Secret("installation.access_key_id"),
            SecretAccessKey = values.Secret("installation.secret_access_key"),
            FixedId = values.String("installation.fixed_id"),
        },
        EmailSubscription = new EmailSubscriptionSettings { Enabled = values.Bool("email_subscription.enabled") },
        Stats = new StatsSettings { Enabled = values.Bool("stats.enabled") },
        UsageReport = new UsageReportSettings
        {
            Enabled = values.Bool("usage_report.enabled"),
            FlushInterval = values.Duration("usage_report.flush_interval"),
        },
        Ui = new UiSettings
        {
            Enabled = values.Bool("ui.enabled"),
            Snippets = values.Objects("ui.snippets")
                .Select(item => new UiSnippet(item.GetValueOrDefault("id", ""), item.GetValueOrDefault("code", "")))
                .ToArray(),
        },
    };

    private static ServerSettings Server(ConfigValues values)
    {
        var address = values.RequiredString("listen_address");
        HostPort.TryParse(address, out var hostPort);
        return new ServerSettings
        {
            ListenAddress = address,
            ListenHost = hostPort.Host,
            ListenPort = hostPort.Port,
            Tls = new TlsSettings
            {
                Enabled = values.Bool("tls.enabled"),
                CertFile = values.String("tls.cert_file"),
                KeyFile = values.String("tls.key_file"),
            },
        };
    }

    private static LoggingSettings Logging(ConfigValues values)
    {
        var auditLevel = LogLevelOf(values.RequiredString("logging.audit_log_level"));
        return new LoggingSettings
        {
            Format = values.RequiredString("logging.format") == "json" ? LogFormat.Json : LogFormat.Text,
            Level = LogLevelOf(values.RequiredString("logging.level")),
            AuditLogLevel = auditLevel == LogLevel.None ? LogLevel.Debug : auditLevel,
            Output = values.List("logging.output"),
            TraceRequestHeaders = values.Bool("logging.trace_request_headers"),
        };
    }

    private static DatabaseSettings Database(ConfigValues values) => new()
    {
        Type = Enum.Parse<DatabaseType>(values.RequiredString("database.type"), ignoreCase: true),
        Local = new LocalDatabaseSettings
        {
            Path = values.RequiredString("database.local.path"),
            SyncWrites = values.Bool("database.local.sync_writes"),
        },
        Postgres = new PostgresSettings
        {
            ConnectionString = values.Secret("database.postgres.connection_string"),
            MaxOpenConnections = values.Int32("database.postgres.max_open_connections"),
            MaxIdleConnections = values.Int32("database.postgres.max_idle_connections"),
            ConnectionMaxLifetime = values.Duration("database.postgres.connection_max_lifetime"),
        },
    };

    private static BlockstoreSettings Blockstore(ConfigValues values) => new()
    {
        Type = Enum.Parse<BlockstoreType>(values.RequiredString("blockstore.type"), ignoreCase: true),
        DefaultNamespacePrefix = values.String("blockstore.default_namespace_prefix"),
        Local = new LocalBlockstoreSettings
        {
            Path = values.RequiredString("blockstore.local.path"),
            ImportEnabled = values.Bool("blockstore.local.import_enabled"),
            ImportHidden = values.Bool("blockstore.local.import_hidden"),
            AdvertisePreSigned = values.Bool("blockstore.local.advertise_pre_signed"),
            AllowedExternalPrefixes = values.List("blockstore.local.allowed_external_prefixes"),
        },
        S3 = new S3BlockstoreSettings
        {
            Region = values.RequiredString("blockstore.s3.region"),
            Endpoint = values.String("blockstore.s3.endpoint"),
            ForcePathStyle = values.Bool("blockstore.s3.force_path_style"),
            Profile = values.String("blockstore.s3.profile"),
            CredentialsFile = values.String("blockstore.s3.credentials_file"),
            Credentials = values.Secret("blockstore.s3.credentials.access_key_id") is { } keyId
                ? new S3Credentials
                {
                    AccessKeyId = keyId,
                    SecretAccessKey = values.Secret("blockstore.s3.credentials.secret_access_key")!,
                    SessionToken = values.Secret("blockstore.s3.credentials.session_token"),
                }
                : null,
            MaxRetries = values.Int32("blockstore.s3.max_retries"),
            DiscoverBucketRegion = values.Bool("blockstore.s3.discover_bucket_region"),
            SkipVerifyCertificateTestOnly = values.Bool("blockstore.s3.skip_verify_certificate_test_only"),
            ServerSideEncryption = values.String("blockstore.s3.server_side_encryption"),
            ServerSideEncryptionKmsKeyId = values.String("blockstore.s3.server_side_encryption_kms_key_id"),
            PreSignedExpiry = values.Duration("blockstore.s3.pre_signed_expiry"),
            DisablePreSigned = values.Bool("blockstore.s3.disable_pre_signed"),
            DisablePreSignedUi = values.Bool("blockstore.s3.disable_pre_signed_ui"),
            DisablePreSignedMultipart = values.Bool("blockstore.s3.disable_pre_signed_multipart"),
            ClientLogRequest = values.Bool("blockstore.s3.client_log_request"),
            ClientLogRetries = values.Bool("blockstore.s3.client_log_retries"),
            WebIdentitySessionDuration = values.OptionalDuration("blockstore.s3.web_identity.session_duration"),
            WebIdentitySessionExpiryWindow = values.Duration("blockstore.s3.web_identity.session_expiry_window"),
        },
    };

    private static AuthSettings Auth(ConfigValues values) => new()
    {
        EncryptSecretKey = values.Secret("auth.encrypt.secret_key")!,
        LoginDuration = values.Duration("auth.login_duration"),
        LogoutRedirectUrl = values.RequiredString("auth.logout_redirect_url"),
        Cache = new AuthCacheSettings
        {
            Enabled = values.Bool("auth.cache.enabled"),
            Size = values.Int32("auth.cache.size"),
            Ttl = values.Duration("auth.cache.ttl"),
            Jitter = values.Duration("auth.cache.jitter"),
        },
        UiConfig = new AuthUiConfigSettings
        {
            Rbac = Enum.Parse<RbacMode>(values.RequiredString("auth.ui_config.rbac"), ignoreCase: true),
            LoginUrl = values.String("auth.ui_config.login_url"),
            LoginFailedMessage = values.String("auth.ui_config.login_failed_message") ?? string.Empty,
            FallbackLoginUrl = values.String("auth.ui_config.fallback_login_url"),
            FallbackLoginLabel = values.String("auth.ui_config.fallback_login_label"),
            LoginCookieNames = values.List("auth.ui_config.login_cookie_names"),
            LogoutUrl = values.String("auth.ui_config.logout_url"),
        },
        RemoteAuthenticator = new RemoteAuthenticatorSettings
        {
            Enabled = values.Bool("auth.remote_authenticator.enabled"),
            Endpoint = values.String("auth.remote_authenticator.endpoint"),
            DefaultUserGroup = values.String("auth.remote_authenticator.default_user_group") ?? string.Empty,
            RequestTimeout = values.Duration("auth.remote_authenticator.request_timeout"),
        },
    };

    private static LogLevel LogLevelOf(string lakeFsLevel) => lakeFsLevel switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        _ => LogLevel.None,
    };
}
