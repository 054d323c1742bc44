namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// Extracts repository, ref and path (docs/gateway.md, "Repository, ref and path") from the Host header and the raw path:
/// virtual-host style when the host is <c>&lt;repo&gt;.&lt;domain&gt;</c> for a configured domain,
/// path style otherwise (the bare domain, <c>localhost:8000</c>, an IP address).
/// </summary>
public sealed class S3TargetParser
{
    private readonly IReadOnlyList<string> _domains;

    public S3TargetParser(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _domains = options.DomainNames;
    }

    /// <summary>Parses the target; a malformed escape or non-UTF-8 path answers 400 <c>InvalidURI</c>.</summary>
    public S3Target Parse(string hostHeader, RawRequestTarget raw)
    {
        ArgumentNullException.ThrowIfNull(hostHeader);
        var path = S3UriEncoding.DecodeToString(raw.Path, plusAsSpace: false);
        var trimmed = path.StartsWith('/') ? path[1..] : path;
        if (VirtualHostBucket(hostHeader) is { } bucket)
        {
            var parts = Split(trimmed, 2);
            return new S3Target(bucket, parts[0], parts[1], VirtualHost: true);
        }

        var pathParts = Split(trimmed, 3);
        return new S3Target(pathParts[0], pathParts[1], pathParts[2], VirtualHost: false);
    }

    /// <summary>The repository named by a <c>&lt;repo&gt;.&lt;domain&gt;</c> host, or null for path style.</summary>
    public string? VirtualHostBucket(string hostHeader)
    {
        ArgumentNullException.ThrowIfNull(hostHeader);
        var host = HostNames.WithoutPort(hostHeader);
        foreach (var domain in _domains)
        {
            if (host.Equals(domain, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        foreach (var domain in _domains)
        {
            // The dot boundary is required (lakeFS checks only the suffix): "xs3.example.com" is no bucket of "s3.example.com".
            if (host.Length > domain.Length + 1 && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase) && host[^(domain.Length + 1)] == '.')
            {
                return host[..^(domain.Length + 1)];
            }
        }

        return null;
    }

    // Go's SplitN semantics: at most `count` parts, the last one keeps every later '/'; missing parts are null.
    private static string?[] Split(string path, int count)
    {
        var result = new string?[count];
        if (path.Length == 0)
        {
            return result;
        }

        var parts = path.Split('/', count);
        Array.Copy(parts, result, parts.Length);
        return result;
    }
}
