using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Catalog.Entries;

namespace Tarn.Api.Objects;

/// <summary>The headers of <c>getObject</c> and <c>headObject</c> answers (docs/objects.md, "Reading an object").</summary>
public static class ObjectHeaders
{
    /// <summary>The checksum as an HTTP entity tag: in double quotes, unless it already starts with one.</summary>
    public static string ETag(string checksum)
    {
        ArgumentNullException.ThrowIfNull(checksum);
        return checksum.StartsWith('"') ? checksum : $"\"{checksum}\"";
    }

    /// <summary>RFC 1123 in GMT (<c>Mon, 02 Jan 2006 15:04:05 GMT</c>); an entry without a time shows the Unix epoch.</summary>
    public static string LastModified(DateTimeOffset? lastModified) =>
        (lastModified ?? DateTimeOffset.UnixEpoch).ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sets the headers every object answer carries, whole or partial: entity tag, modification time, content
    /// type, and the caching and sniffing guards lakeFS sends so a browser never renders stored data as a page.
    /// </summary>
    public static void Apply(HttpResponse response, ObjectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(entry);
        var headers = response.Headers;
        headers.ETag = ETag(entry.Checksum);
        headers.LastModified = LastModified(entry.LastModified);
        headers.ContentType = string.IsNullOrEmpty(entry.ContentType) ? ObjectEntry.DefaultContentType : entry.ContentType;
        headers.AcceptRanges = "bytes";
        headers.CacheControl = "no-store, must-revalidate";
        headers.Expires = "0";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentSecurityPolicy = "default-src 'none'";
    }

    /// <summary>
    /// Sets status and length headers for <paramref name="selection"/>: 200 with the object's size, 206 with
    /// <c>Content-Range</c>, or 416 with <c>Content-Range: bytes */size</c> (the caller writes the 416 body).
    /// </summary>
    public static void ApplyRange(HttpResponse response, RangeSelection selection)
    {
        ArgumentNullException.ThrowIfNull(response);
        switch (selection.Kind)
        {
            case RangeSelectionKind.WholeObject:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentLength = selection.ObjectSize;
                break;
            case RangeSelectionKind.Partial:
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.ContentLength = selection.Length;
                response.Headers.ContentRange = selection.ContentRange;
                break;
            default:
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = selection.ContentRange;
                break;
        }
    }
}
