using System.Globalization;

namespace Tarn.Server.Configuration.Parsing;

/// <summary>
/// A listen address in Go's <c>host:port</c> form: <c>0.0.0.0:8000</c>, <c>localhost:8000</c>, <c>[::1]:8000</c>,
/// or <c>:8000</c> (empty host = every interface). The port is numeric, 0–65535.
/// </summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static bool TryParse(string? text, out HostPort value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string host;
        string port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            port = text[(close + 2)..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            host = text[..colon];
            port = text[(colon + 1)..];

            // Go's SplitHostPort refuses an unbracketed IPv6 host ("too many colons").
            if (host.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (port.Length == 0 || !port.All(char.IsAsciiDigit)
            || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
        {
            return false;
        }

        value = new HostPort(host, number);
        return true;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
