using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// What GET and HEAD share (docs/gateway.md, "Reading objects"): conditional headers, the single <c>Range</c>
/// (malformed ones ignored, unsatisfiable ones 416 <c>InvalidRange</c>), and the object headers.
/// </summary>
internal static class ObjectResponse
{
    /// <summary>The byte range to serve, or null for the whole object. Throws 416 for an unsatisfiable range.</summary>
    public static (long Offset, long Length)? SelectRange(HttpRequest request, ObjectEntry entry)
    {
        if (!ByteRange.TryParseHeader(request.Headers.Range.ToString(), out var range))
        {
            return null;
        }

        try
        {
            return range.Resolve(entry.Size);
        }
        catch (RangeNotSatisfiableException)
        {
            throw new S3ErrorException(S3Errors.InvalidRange);
        }
    }

    /// <summary>Status, length and the object headers; 304 answers carry only the validators.</summary>
    public static void WriteHeaders(HttpResponse response, ObjectEntry entry, (long Offset, long Length)? range, bool notModified)
    {
        var headers = response.Headers;
        headers.ETag = S3Format.QuotedETag(entry.Checksum);
        headers.LastModified = S3Format.HttpTime(entry.LastModified);
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        headers.AcceptRanges = "bytes";
        response.ContentType = string.IsNullOrEmpty(entry.ContentType) ? ObjectEntry.DefaultContentType : entry.ContentType;
        AmzMetadata.Write(headers, entry);
        if (range is { } selected)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.ContentLength = selected.Length;
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture,
                $"bytes {selected.Offset}-{selected.Offset + selected.Length - 1}/{entry.Size}");
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = entry.Size;
        }
    }
}
