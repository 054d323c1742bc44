using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tarn.Api.Errors;

namespace Tarn.Api.Hosting;

/// <summary>
/// Refuses requests whose path, as the client sent it, holds a dot segment (<c>.</c> or <c>..</c>, also
/// percent-encoded as <c>%2e</c> in any case). The web server removes such segments before routing, so
/// <c>DELETE /api/v1/repositories/R/branches/..</c> would otherwise reach <c>deleteRepository</c> for R: a
/// request must only ever reach the operation its raw path names. No API path legitimately holds one
/// (object paths travel in the query), so they are refused with 400 rather than matched literally. The
/// S3 gateway is not affected: it reads keys from the raw target, where <c>..</c> is an ordinary key part.
/// </summary>
public static class DotSegmentGuard
{
    public const string Message = "invalid path: '.' and '..' segments are not allowed";

    /// <summary>Refuses every non-gateway request with a dot segment in its raw path (API, presigned URLs, the rest).</summary>
    public static IApplicationBuilder UseTarnDotSegmentGuard(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            return raw is not null && HasDotSegment(raw)
                ? ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, Message)
                : next(context);
        });

    /// <summary>Whether the path part of a raw request target (origin or absolute form) has a dot segment.</summary>
    public static bool HasDotSegment(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var path = rawTarget.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !path.StartsWith("/"))
        {
            // Absolute form: the path starts after the authority.
            var afterAuthority = path[(scheme + 3)..];
            var slash = afterAuthority.IndexOf('/');
            path = slash < 0 ? [] : afterAuthority[slash..];
        }

        foreach (var range in path.Split('/'))
        {
            if (IsDotSegment(path[range]))
            {
                return true;
            }
        }

        return false;
    }

    // "." or "..", each dot possibly written as %2e or %2E.
    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.Length >= 3 && segment[0] == '%' && segment[1] == '2' && segment[2] is 'e' or 'E')
            {
                segment = segment[3..];
            }
            else
            {
                return false;
            }

            if (++dots > 2)
            {
                return false;
            }
        }

        return dots > 0;
    }
}
