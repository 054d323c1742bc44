using System.Globalization;
using System.Text;
using Npgsql;

namespace Tarn.Kv.Postgres;

/// <summary>
/// Turns the connection strings lakeFS accepts (libpq URLs and keyword/value strings, as read by pgx)
/// into Npgsql's keyword form. Npgsql strings pass through unchanged. Nothing here logs, and no error
/// message repeats the input, because connection strings carry passwords.
/// </summary>
public static class PostgresConnectionString
{
    // pgx settings that tune the client itself; they have no Npgsql counterpart and must not reach
    // the server as run-time parameters.
    private static readonly HashSet<string> ClientOnlySettings = new(StringComparer.Ordinal)
    {
        "pool_max_conn_lifetime", "pool_max_conn_idle_time", "pool_health_check_period",
        "pool_max_conn_lifetime_jitter", "statement_cache_capacity", "description_cache_capacity",
        "default_query_exec_mode", "prefer_simple_protocol", "min_read_buffer_size", "sslsni",
        "sslcrl", "passfile", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
        "fallback_application_name",
    };

    /// <summary>
    /// The Npgsql form of <paramref name="connectionString"/>. URLs (<c>postgres://</c>,
    /// <c>postgresql://</c>) and libpq <c>key=value</c> strings are converted; parameters that are not
    /// connection settings (<c>?statement_timeout=5s</c>) become server run-time parameters, as in pgx.
    /// </summary>
    /// <exception cref="ArgumentException">The string is malformed or names an unsupported setting.</exception>
    public static string ToNpgsql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var trimmed = connectionString.Trim();
        var pairs = LibpqConnectionStringParser.IsUrl(trimmed)
            ? LibpqConnectionStringParser.ParseUrl(trimmed)
            : LibpqConnectionStringParser.TryParseKeywords(trimmed);
        return pairs is null ? trimmed : FromLibpq(pairs);
    }

    private static string FromLibpq(List<KeyValuePair<string, string>> pairs)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        string? hosts = null;
        string? ports = null;
        var runtimeParameters = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "host" or "hostaddr": hosts = value; break;
                case "port": ports = value; break;
                case "dbname": builder.Database = value; break;
                case "user": builder.Username = value; break;
                case "password": builder.Password = value; break;
                case "sslmode": builder.SslMode = ParseSslMode(value); break;
                case "sslrootcert": builder.RootCertificate = value; break;
                case "sslcert": builder.SslCertificate = value; break;
                case "sslkey": builder.SslKey = value; break;
                case "sslpassword": builder.SslPassword = value; break;
                case "connect_timeout": builder.Timeout = ParseNumber(key, value); break;
                case "application_name": builder.ApplicationName = value; break;
                case "client_encoding": builder.ClientEncoding = value; break;
                case "search_path": builder.SearchPath = value; break;
                case "target_session_attrs": builder.TargetSessionAttributes = value; break;
                case "options": builder.Options = value; break;
                case "pool_max_conns": builder.MaxPoolSize = ParseNumber(key, value); break;
                case "pool_min_conns": builder.MinPoolSize = ParseNumber(key, value); break;
                case "service":
                    throw new ArgumentException("PostgreSQL service files (the 'service' setting) are not supported.");
                default:
                    if (!ClientOnlySettings.Contains(key))
                    {
                        runtimeParameters.Append(CultureInfo.InvariantCulture, $" -c {EscapeOption(key)}={EscapeOption(value)}");
                    }

                    break;
            }
        }

        ApplyHosts(builder, hosts, ports);
        if (runtimeParameters.Length > 0)
        {
            builder.Options = ((builder.Options ?? "") + runtimeParameters).Trim();
        }

        return builder.ConnectionString;
    }

    private static void ApplyHosts(NpgsqlConnectionStringBuilder builder, string? hosts, string? ports)
    {
        var portList = string.IsNullOrEmpty(ports) ? [] : ports.Split(',');
        if (hosts is null)
        {
            if (portList.Length > 1)
            {
                throw new ArgumentException("The PostgreSQL connection string lists several ports but no host.");
            }

            if (portList.Length == 1)
            {
                builder.Port = ParsePort(portList[0]);
            }

            return;
        }

        var hostList = hosts.Split(',');
        if (portList.Length <= 1)
        {
            builder.Host = hosts;
            if (portList.Length == 1 && portList[0].Length > 0)
            {
                builder.Port = ParsePort(portList[0]);
            }

            return;
        }

        if (portList.Length != hostList.Length)
        {
            throw new ArgumentException("The PostgreSQL connection string lists a different number of hosts and ports.");
        }

        // Npgsql takes several hosts as host:port entries in one list.
        builder.Host = string.Join(',', hostList.Select((host, i) => portList[i].Length == 0
            ? host
            : $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{ParsePort(portList[i])}"));
    }

    private static SslMode ParseSslMode(string value) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new ArgumentException($"Unsupported sslmode '{value}' in the PostgreSQL connection string."),
    };

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new ArgumentException("The PostgreSQL connection string has an invalid port.");

    private static int ParseNumber(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"The PostgreSQL connection setting '{key}' must be a whole number.");

    // The server splits 'options' on spaces; a backslash escapes a space or a backslash.
    private static string EscapeOption(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal);
}
