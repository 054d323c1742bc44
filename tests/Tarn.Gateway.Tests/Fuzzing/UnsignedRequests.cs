using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Requests without an AWS signature. On a gateway host they reach the gateway, which must refuse them; on
/// the server's own address they belong to the API, and when their raw path names an S3 object but holds dot
/// segments that climb to <c>/api/v1/…</c> they must still not reach the API operation the normalised path names.
/// </summary>
internal static class UnsignedRequests
{
    /// <summary>No signature on a gateway host (path style on the bare domain, or virtual-host style).</summary>
    public static (RawHttpRequest Request, string Name, IReadOnlyList<StateProbe> Probes) Anonymous(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var port = c.Targets.Host.Split(':')[1];
        var (refusable, _, probes) = RefusableRequests.Any(c);
        var parts = refusable.RawPath.Split('/', 3);
        var virtualHost = c.Chance(40) && parts[1].Length > 0;
        if (virtualHost)
        {
            var query = refusable.RawQuery.Length > 0 ? "?" + refusable.RawQuery : "";
            refusable.SetHeader("Host", $"{parts[1]}.{RawTargetView.GatewayDomain}:{port}");
            refusable.Target = "/" + (parts.Length > 2 ? parts[2] : "") + query;
        }
        else
        {
            refusable.SetHeader("Host", $"{RawTargetView.GatewayDomain}:{port}");
        }

        var name = c.Random.Next(6) switch
        {
            0 => Add(refusable, "Authorization", "Basic " + Basic(c.Targets.ApiUser), "basic-credentials"),
            1 => Add(refusable, "Authorization", "Bearer " + c.Pick<string>(["x", "eyJhbGciOiJub25lIn0.e30.", ""]), "bearer-token"),
            2 => Add(refusable, "X-Amz-Signature", "0123", "x-amz-signature-header-only"),
            3 => Add(refusable, "X-Amz-Security-Token", "token", "security-token-only"),
            4 => Add(refusable, "Cookie", "internal_auth_session=x", "session-cookie"),
            5 when c.Chance(50) => Add(refusable, "Authorization", c.Pick<string>(["", " ", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 "]), "authorization-empty"),
            _ => "nothing",
        };
        return (refusable, (virtualHost ? "virtual-host/" : "gateway-host/") + name, probes);
    }

    /// <summary>
    /// No signature on the server's own address, with dot segments climbing from an S3-looking path to the API:
    /// anonymous, or with valid API credentials (HTTP basic).
    /// </summary>
    public static (RawHttpRequest Request, string Name) FallThrough(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var parent = c.Pick(DotSegments.Parents);
        var prefix = c.Random.Next(3) switch
        {
            0 => $"/{FuzzTargets.FuzzRepository}/main/{parent}/{parent}",
            1 => $"/{FuzzTargets.SentinelRepository}/{parent}",
            _ => $"/{FuzzTargets.SentinelRepository}/{FuzzTargets.SentinelBranch}/x/{parent}/{parent}/{parent}/{parent}",
        };
        var sentinel = Uri.EscapeDataString(c.Pick(c.Targets.SentinelPaths));
        var api = $"/api/v1/repositories/{FuzzTargets.SentinelRepository}";
        var (method, rest, name) = c.Random.Next(7) switch
        {
            0 => ("DELETE", $"{api}/branches/{FuzzTargets.SentinelBranch}", "delete-branch"),
            1 => ("DELETE", $"{api}/tags/{FuzzTargets.SentinelTag}", "delete-tag"),
            2 => ("DELETE", $"{api}/branches/main/objects?path={sentinel}", "delete-object"),
            3 => ("GET", $"{api}/refs/main/objects?path={sentinel}", "get-object"),
            4 => ("GET", "/api/v1/user", "get-user"),
            5 => ("GET", "/_health", "health"),
            _ => ("GET", api, "get-repository"),
        };
        var request = c.Request(method, prefix + rest);
        var credentials = c.Chance(70);
        if (credentials)
        {
            request.Headers.Add(("Authorization", "Basic " + Basic(c.Targets.ApiUser)));
        }

        return (request, (credentials ? "basic/" : "anonymous/") + name);
    }

    private static string Add(RawHttpRequest request, string header, string value, string name)
    {
        request.Headers.Add((header, value));
        return name;
    }

    private static string Basic(FuzzKey key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key.AccessKeyId + ":" + key.SecretAccessKey));
}
