namespace Tarn.Gateway.S3.Routing;

/// <summary>Host header helpers shared by protocol dispatch and target parsing.</summary>
public static class HostNames
{
    /// <summary>The host without its port (IPv6 literals keep their brackets) and without a trailing dot.</summary>
    public static string WithoutPort(string hostHeader)
    {
        ArgumentNullException.ThrowIfNull(hostHeader);
        var host = hostHeader.Trim();
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? host : host[..(close + 1)];
        }
        else
        {
            var colon = host.LastIndexOf(':');
            host = colon < 0 ? host : host[..colon];
        }

        return host.TrimEnd('.');
    }
}
