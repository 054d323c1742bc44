using System.Text;

namespace Tarn.Kv.Postgres;

/// <summary>
/// Reads the two libpq connection string forms (a URL, or whitespace-separated <c>key=value</c> pairs)
/// into libpq's parameter names, in order. Error messages never repeat the input: it may hold a password.
/// </summary>
internal static class LibpqConnectionStringParser
{
    // The libpq keywords that make a "key=value ..." string recognisable as libpq rather than Npgsql form.
    private static readonly HashSet<string> LibpqKeywords = new(StringComparer.Ordinal)
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "sslmode", "sslcert", "sslkey",
        "sslpassword", "sslrootcert", "sslcrl", "target_session_attrs", "search_path", "service",
    };

    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>postgres://[user[:password]@][host[:port][,host[:port]…]][/dbname][?key=value&amp;…]</c>.</summary>
    public static List<KeyValuePair<string, string>> ParseUrl(string url)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : "";
        rest = queryStart >= 0 ? rest[..queryStart] : rest;

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var database = pathStart >= 0 ? Decode(rest[(pathStart + 1)..]) : "";

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            Add(pairs, "user", Decode(colon >= 0 ? userInfo[..colon] : userInfo));
            if (colon >= 0)
            {
                Add(pairs, "password", Decode(userInfo[(colon + 1)..]));
            }
        }

        if (authority.Length > 0)
        {
            var hosts = new List<string>();
            var ports = new List<string>();
            foreach (var hostAndPort in authority.Split(','))
            {
                var (host, port) = SplitHostPort(hostAndPort);
                hosts.Add(Decode(host));
                ports.Add(port);
            }

            Add(pairs, "host", string.Join(',', hosts));
            if (ports.Exists(p => p.Length > 0))
            {
                Add(pairs, "port", string.Join(',', ports));
            }
        }

        Add(pairs, "dbname", database);
        foreach (var parameter in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException("A query parameter of the PostgreSQL connection URL has no name or no '='.");
            }

            pairs.Add(new(Decode(parameter[..equals]), Decode(parameter[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>
    /// <c>host=localhost port=5432 password='it''s'</c>; null when the string is not in that form (so it
    /// is taken as an Npgsql string instead).
    /// </summary>
    public static List<KeyValuePair<string, string>>? TryParseKeywords(string value)
    {
        if (value.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (true)
        {
            SkipSpaces(value, ref position);
            if (position == value.Length)
            {
                return pairs.Count > 0 ? pairs : null;
            }

            var keyStart = position;
            while (position < value.Length && value[position] != '=' && !char.IsWhiteSpace(value[position]))
            {
                position++;
            }

            var key = value[keyStart..position];
            SkipSpaces(value, ref position);
            if (!LibpqKeywords.Contains(key) || position == value.Length || value[position] != '=')
            {
                return null;
            }

            position++;
            SkipSpaces(value, ref position);
            pairs.Add(new(key, ReadKeywordValue(value, ref position)));
        }
    }

    private static string ReadKeywordValue(string text, ref int position)
    {
        var value = new StringBuilder();
        var quoted = position < text.Length && text[position] == '\'';
        if (quoted)
        {
            position++;
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (quoted ? c == '\'' : char.IsWhiteSpace(c))
            {
                break;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                position++;
                c = text[position];
            }

            value.Append(c);
            position++;
        }

        if (quoted)
        {
            if (position == text.Length)
            {
                throw new ArgumentException("A quoted value in the PostgreSQL connection string is not closed.");
            }

            position++;
        }

        return value.ToString();
    }

    private static (string Host, string Port) SplitHostPort(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
        {
            // An IPv6 literal: [::1]:5432
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException("An IPv6 host in the PostgreSQL connection URL is missing its ']'.");
            }

            var afterBracket = hostAndPort[(close + 1)..];
            return (hostAndPort[1..close], afterBracket.StartsWith(':') ? afterBracket[1..] : "");
        }

        var colon = hostAndPort.LastIndexOf(':');
        return colon >= 0 ? (hostAndPort[..colon], hostAndPort[(colon + 1)..]) : (hostAndPort, "");
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static void Add(List<KeyValuePair<string, string>> pairs, string key, string value)
    {
        if (value.Length > 0)
        {
            pairs.Add(new(key, value));
        }
    }

    // Percent-decoding only: libpq does not read '+' as a space, and neither do we.
    private static string Decode(string value) => Uri.UnescapeDataString(value);
}
