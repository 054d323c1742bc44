using Tarn.Core;
using Tarn.Server.Configuration.Parsing;
using Tarn.Server.Configuration.Schema;
using Tarn.Server.Configuration.Sources;

namespace Tarn.Server.Configuration.Binding;

/// <summary>
/// The checks that need more than one key or the profile (docs/configuration.md, "Start-up checks"). Runs on the
/// type-checked values before binding, so every error can name its key. Fails on the first problem found.
/// </summary>
internal static class SettingsValidator
{
    private static readonly string[] RequiredKeys = ["auth.encrypt.secret_key", "blockstore.type", "database.type"];

    private const int MinimumSecretBytes = 32;

    public static void Validate(ConfigValues values, ConfigProfile profile)
    {
        CheckRequired(values);
        CheckQuickstart(values, profile);
        CheckSecretKey(values, profile);
        CheckDatabase(values);
        CheckDomainNames(values);
        CheckTls(values);
        CheckS3Credentials(values);
        CheckRemoteAuthenticator(values);
        CheckInstallation(values);
        CheckPositiveDurations(values);
        CheckNotNegative(values, "committed.sstable.memory.cache_size_bytes");
    }

    private static void CheckNotNegative(ConfigValues values, string key)
    {
        if (values.Int64(key) < 0)
        {
            throw new ConfigurationException($"{key}: must not be negative", key);
        }
    }

    private static void CheckRequired(ConfigValues values)
    {
        var missing = RequiredKeys.Where(name => !values.HasValue(name)).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationException($"missing required keys: {string.Join(", ", missing)}", missing.Count == 1 ? missing[0] : null);
        }
    }

    private static void CheckQuickstart(ConfigValues values, ConfigProfile profile)
    {
        if (profile != ConfigProfile.Quickstart)
        {
            return;
        }

        if (values.String("database.type") is not ("local" or "mem") || values.String("blockstore.type") is not ("local" or "mem"))
        {
            throw new ConfigurationException("quickstart mode can only run with local settings");
        }

        var unchanged = values.String("installation.user_name") == DefaultLayers.QuickstartUserName
            && values.String("installation.access_key_id") == DefaultLayers.QuickstartAccessKeyId
            && Secret.EqualsConstantTime(values.String("installation.secret_access_key"), DefaultLayers.QuickstartSecretAccessKey);
        if (!unchanged)
        {
            throw new ConfigurationException("installation parameters must not be changed in quickstart mode");
        }
    }

    private static void CheckSecretKey(ConfigValues values, ConfigProfile profile)
    {
        const string key = "auth.encrypt.secret_key";
        var isPlaceholder = Secret.EqualsConstantTime(values.String(key), ConfigKeySchema.PlaceholderSecret);
        if (isPlaceholder && profile == ConfigProfile.None)
        {
            throw new ConfigurationException(
                $"{key}: the placeholder {ConfigKeySchema.PlaceholderSecret} is only allowed with --local-settings or --quickstart; set a long random secret",
                key);
        }
    }

    private static void CheckDatabase(ConfigValues values)
    {
        if (values.String("database.type") == "postgres" && !values.HasValue("database.postgres.connection_string"))
        {
            throw new ConfigurationException(
                "database.postgres.connection_string: required when database.type is postgres", "database.postgres.connection_string");
        }

        foreach (var name in new[] { "database.postgres.max_open_connections", "database.postgres.max_idle_connections" })
        {
            // lakeFS passes 0 through to Go's pool ("unlimited"); a pool needs a bound, so Tarn asks for one.
            if (values.Int32(name) <= 0)
            {
                throw new ConfigurationException($"{name}: must be a positive number of connections", name);
            }
        }
    }

    /// <summary>Durations that size a lifetime or an interval: zero would make tokens born expired or timers spin.</summary>
    private static void CheckPositiveDurations(ConfigValues values)
    {
        var keys = new List<string> { "auth.login_duration" };
        if (values.Bool("usage_report.enabled"))
        {
            keys.Add("usage_report.flush_interval");
        }

        foreach (var key in keys)
        {
            if (values.Duration(key) <= TimeSpan.Zero)
            {
                throw new ConfigurationException($"{key}: must be a positive duration such as 20s or 168h", key);
            }
        }
    }

    /// <summary>lakeFS refuses a domain that is a dot-suffix of another: host-based routing would be ambiguous.</summary>
    private static void CheckDomainNames(ConfigValues values)
    {
        const string key = "gateways.s3.domain_name";
        var domains = values.List(key);
        foreach (var domain in domains)
        {
            var clash = domains.FirstOrDefault(other => other.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
            if (clash is not null)
            {
                throw new ConfigurationException($"{key}: \"{domain}\" is a suffix of \"{clash}\"; domain names must not be suffixes of each other", key);
            }
        }
    }

    private static void CheckTls(ConfigValues values)
    {
        if (!values.Bool("tls.enabled"))
        {
            return;
        }

        foreach (var name in new[] { "tls.cert_file", "tls.key_file" })
        {
            var path = values.String(name)
                ?? throw new ConfigurationException($"{name}: required when tls.enabled is true", name);
            if (!File.Exists(path))
            {
                throw new ConfigurationException($"{name}: file \"{path}\" not found", name);
            }
        }
    }

    private static void CheckS3Credentials(ConfigValues values)
    {
        var hasKeyId = values.HasValue("blockstore.s3.credentials.access_key_id");
        var hasSecret = values.HasValue("blockstore.s3.credentials.secret_access_key");
        if (hasKeyId != hasSecret || (values.HasValue("blockstore.s3.credentials.session_token") && !hasKeyId))
        {
            var missing = hasKeyId ? "blockstore.s3.credentials.secret_access_key" : "blockstore.s3.credentials.access_key_id";
            throw new ConfigurationException(
                $"{missing}: blockstore.s3.credentials needs both access_key_id and secret_access_key", missing);
        }
    }

    private static void CheckRemoteAuthenticator(ConfigValues values)
    {
        if (values.Bool("auth.remote_authenticator.enabled") && !values.HasValue("auth.remote_authenticator.endpoint"))
        {
            throw new ConfigurationException(
                "auth.remote_authenticator.endpoint: required when auth.remote_authenticator.enabled is true", "auth.remote_authenticator.endpoint");
        }
    }

    /// <summary>
    /// Caller-supplied admin keys follow the rules of docs/access-control.md, "Access keys", so a bad one fails here
    /// rather than at setup.
    /// </summary>
    private static void CheckInstallation(ConfigValues values)
    {
        if (values.String("installation.access_key_id") is { } keyId && keyId.Length is < 3 or > 20)
        {
            throw new ConfigurationException(
                "installation.access_key_id: invalid access key ID (must be 3 to 20 characters)", "installation.access_key_id");
        }
    }

    /// <summary>Problems that do not stop the server; returned to the caller to log.</summary>
    public static List<string> CollectWarnings(ConfigValues values, ConfigProfile profile)
    {
        var warnings = new List<string>();
        if (profile != ConfigProfile.None)
        {
            var flag = profile == ConfigProfile.Quickstart ? "--quickstart" : "--local-settings";
            warnings.Add($"running with {flag}: local settings and a placeholder secret, not for production use");
        }

        foreach (var (key, _, raw) in values.Entries)
        {
            if (key.Support == KeySupport.AcceptedIgnored && raw.IsExplicit)
            {
                warnings.Add($"configuration key \"{key.Name}\" (from {raw.Origin}) is accepted for lakeFS compatibility but ignored by Tarn");
            }
        }

        if (values.Secret("auth.encrypt.secret_key") is { } secret
            && secret.ByteLength < MinimumSecretBytes
            && !secret.Matches(ConfigKeySchema.PlaceholderSecret))
        {
            warnings.Add($"auth.encrypt.secret_key is shorter than {MinimumSecretBytes} bytes; use a long random secret");
        }

        var hasAnyAdminValue = new[] { "installation.user_name", "installation.access_key_id", "installation.secret_access_key" }
            .Count(values.HasValue);
        if (hasAnyAdminValue is > 0 and < 3)
        {
            warnings.Add("installation.user_name, installation.access_key_id and installation.secret_access_key must all be set for boot-time setup; it will not run");
        }
        else if (hasAnyAdminValue == 3 && values.String("database.type") is not ("local" or "mem"))
        {
            warnings.Add("installation.* boot-time setup only runs with a local or mem database; it is ignored with database.type postgres");
        }

        return warnings;
    }
}
