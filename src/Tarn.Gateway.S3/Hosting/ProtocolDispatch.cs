using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>
/// Decides whether a request on the shared listener is for the S3 gateway or for the API/UI
/// (docs/gateway.md, "Gateway or API"): the Host is a configured gateway domain or a direct sub-domain of one
/// (virtual-host style), or the request carries an AWS signature. Anonymous requests to other hosts,
/// and API credentials (basic, bearer, session cookie), stay on the API.
/// </summary>
public sealed class ProtocolDispatch
{
    private readonly IReadOnlyList<string> _domains;

    public ProtocolDispatch(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _domains = options.DomainNames;
    }

    /// <summary>The <c>MapWhen</c> predicate: true for gateway requests.</summary>
    public bool IsGatewayRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsGatewayHost(context.Request.Host.Value ?? "") || CarriesAwsSignature(context.Request);
    }

    /// <summary>Whether the host (port ignored) is a gateway domain or exactly one label below one.</summary>
    public bool IsGatewayHost(string hostHeader)
    {
        ArgumentNullException.ThrowIfNull(hostHeader);
        var host = HostNames.WithoutPort(hostHeader);
        foreach (var domain in _domains)
        {
            if (host.Equals(domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var labelLength = host.Length - domain.Length - 1;
            if (labelLength > 0 && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase) && host[labelLength] == '.'
                && !host.AsSpan(0, labelLength).Contains('.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An AWS signature: <c>Authorization: AWS4…</c> or <c>AWS …</c>, an <c>X-Amz-Signature</c> header, or
    /// presign query parameters (<c>X-Amz-Credential</c>, <c>X-Amz-Signature</c>, <c>X-Amz-Algorithm</c>,
    /// <c>AWSAccessKeyId</c>).
    /// </summary>
    public static bool CarriesAwsSignature(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("AWS4", StringComparison.Ordinal) || authorization.StartsWith("AWS ", StringComparison.Ordinal))
        {
            return true;
        }

        if (request.Headers["X-Amz-Signature"].ToString().Length > 0)
        {
            return true;
        }

        var query = request.Query;
        return query["X-Amz-Credential"].ToString().Length > 0
            || query["X-Amz-Signature"].ToString().Length > 0
            || query["X-Amz-Algorithm"].ToString().Length > 0
            || query["AWSAccessKeyId"].ToString().Length > 0;
    }
}
