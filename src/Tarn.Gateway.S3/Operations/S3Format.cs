using System.Globalization;

namespace Tarn.Gateway.S3.Operations;

/// <summary>How S3 writes times and ETags (docs/gateway.md, "XML responses" and "ETags").</summary>
public static class S3Format
{
    /// <summary>The S3 XML namespace, on the few documents that carry it.</summary>
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>A time inside XML: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, UTC, milliseconds.</summary>
    public static string XmlTime(DateTimeOffset? time) =>
        (time ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time in a header: RFC 1123 in GMT.</summary>
    public static string HttpTime(DateTimeOffset? time) =>
        (time ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An ETag as sent in headers and XML: always quoted.</summary>
    public static string QuotedETag(string eTag)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        return "\"" + UnquotedETag(eTag) + "\"";
    }

    /// <summary>An ETag as a client sent it (quoted or not) without its quotes.</summary>
    public static string UnquotedETag(string eTag)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        var trimmed = eTag.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return trimmed.Trim('"');
    }
}
