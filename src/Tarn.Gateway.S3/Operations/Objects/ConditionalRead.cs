using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tarn.Catalog.Entries;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// The conditional headers of GET and HEAD, evaluated as RFC 9110 §13.2.2 orders them: <c>If-Match</c>
/// (else <c>If-Unmodified-Since</c>) failing is 412 <c>PreconditionFailed</c>; then <c>If-None-Match</c>
/// (else <c>If-Modified-Since</c>) failing is 304 Not Modified. Dates compare at whole seconds (HTTP dates
/// carry no more), so a client echoing <c>Last-Modified</c> sees the object as unchanged.
/// </summary>
public static class ConditionalRead
{
    /// <summary>Whether the read should answer 304; throws 412 when a precondition fails.</summary>
    public static bool IsNotModified(IHeaderDictionary headers, ObjectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = entry.Checksum;
        var lastModified = TruncateToSeconds(entry.LastModified ?? DateTimeOffset.UnixEpoch);
        var ifMatch = headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            if (!Matches(ifMatch, eTag))
            {
                throw new S3ErrorException(S3Errors.PreconditionFailed);
            }
        }
        else if (TryDate(headers.IfUnmodifiedSince, out var unmodifiedSince) && lastModified > unmodifiedSince)
        {
            throw new S3ErrorException(S3Errors.PreconditionFailed);
        }

        var ifNoneMatch = headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return Matches(ifNoneMatch, eTag);
        }

        return TryDate(headers.IfModifiedSince, out var modifiedSince) && lastModified <= modifiedSince;
    }

    // A list of entity tags or "*"; comparison ignores quotes and the weak prefix (S3 ETags are strong).
    private static bool Matches(string header, string eTag)
    {
        foreach (var candidate in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (candidate == "*" || string.Equals(S3Format.UnquotedETag(candidate), eTag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // An unparsable date is ignored, as HTTP says.
    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues value, out DateTimeOffset date) =>
        HeaderUtilities.TryParseDate(value.ToString(), out date);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
