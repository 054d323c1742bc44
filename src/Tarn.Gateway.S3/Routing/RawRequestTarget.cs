using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// The request target exactly as the client sent it, split into path and query, both still
/// percent-encoded. ASP.NET Core's <c>Request.Path</c> is not used: it removes dot segments and
/// half-decodes, and a key or a signature must see what the client sent.
/// </summary>
/// <param name="Path">The raw path, starting with <c>/</c>.</param>
/// <param name="Query">The raw query without the leading <c>?</c>; empty when there is none.</param>
public readonly record struct RawRequestTarget(string Path, string Query)
{
    /// <summary>The raw target of the request (origin-form or absolute-form).</summary>
    public static RawRequestTarget From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            raw = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        }

        return Parse(raw);
    }

    /// <summary>Splits a raw request target; absolute-form (<c>http://host/p</c>) loses its scheme and authority.</summary>
    public static RawRequestTarget Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!raw.StartsWith('/'))
        {
            var scheme = raw.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                var pathStart = raw.IndexOfAny(['/', '?'], scheme + 3);
                raw = pathStart < 0 ? "/" : raw[pathStart..];
            }

            if (!raw.StartsWith('/'))
            {
                // "*" (OPTIONS) or "?q" right after an authority.
                raw = raw.StartsWith('?') ? "/" + raw : "/";
            }
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? new RawRequestTarget(raw, "") : new RawRequestTarget(raw[..question], raw[(question + 1)..]);
    }
}
