using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Tarn.Core;

namespace Tarn.Api.Objects;

/// <summary>
/// Finds the object data in an <c>uploadObject</c> request (docs/objects.md, "Upload"): a <c>multipart/form-data</c>
/// body contributes its first part named <c>content</c>; any other body is the data itself.
/// </summary>
public static class UploadBodyReader
{
    /// <summary>The form field that carries the data.</summary>
    public const string ContentPartName = "content";

    /// <summary>lakeFS's text for a form without the part; lakeFS answers 500, Tarn 400.</summary>
    public const string MissingContentPartMessage = "multipart upload missing key 'content': http: no such file";

    private const string DefaultContentType = "application/octet-stream";
    private const string FormDataMediaType = "multipart/form-data";

    // RFC 2046 §5.1.1: a boundary has 1 to 70 characters. The form reader throws on boundaries longer than its
    // buffer instead of reading them, so a longer one is refused here as the malformed request it is.
    private const int MaxBoundaryLength = 70;

    /// <summary>
    /// Positions on the object data. For forms this reads (and discards) any parts before <c>content</c>;
    /// the data itself is left unread (a form that ends inside it fails the read with
    /// <see cref="ErrorKind.InvalidArgument"/>). Throws <see cref="ErrorKind.InvalidArgument"/> for a form without a
    /// boundary (or with one over 70 characters), with malformed framing, or without a <c>content</c> part.
    /// </summary>
    public static async Task<UploadBody> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Objects may be far larger than Kestrel's default 30 MB request limit; the body streams to the block
        // store, so its size costs no memory.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var contentType = request.ContentType?.Trim();
        if (!IsFormData(contentType))
        {
            return new UploadBody(request.Body, OrDefault(contentType), request.ContentLength);
        }

        var reader = new MultipartReader(Boundary(contentType!), request.Body);
        while (await NextSectionAsync(reader, cancellationToken) is { } section)
        {
            if (IsContentPart(section))
            {
                return new UploadBody(new FormPartStream(section.Body), OrDefault(section.ContentType?.Trim()), Length: null);
            }
        }

        throw TarnException.Invalid(MissingContentPartMessage);
    }

    private static bool IsFormData(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(FormDataMediaType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == FormDataMediaType.Length || contentType[FormDataMediaType.Length] is ';' or ' ' or '\t');

    private static string Boundary(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw TarnException.Invalid($"invalid Content-Type '{contentType}'");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        return boundary.Length switch
        {
            0 => throw TarnException.Invalid("multipart/form-data upload without a boundary in its Content-Type"),
            > MaxBoundaryLength => throw TarnException.Invalid($"multipart/form-data boundary longer than {MaxBoundaryLength} characters"),
            _ => boundary.Value!,
        };
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw TarnException.Invalid("malformed multipart/form-data body: " + e.Message);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The reader's way of saying the boundary never came: the body is not the form it claims to be.
            throw new TarnException(ErrorKind.InvalidArgument, "malformed multipart/form-data body: " + e.Message, e);
        }
    }

    private static bool IsContentPart(MultipartSection section) =>
        section.GetContentDispositionHeader() is { } disposition
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
        && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, ContentPartName, StringComparison.Ordinal);

    private static string OrDefault(string? contentType) => string.IsNullOrEmpty(contentType) ? DefaultContentType : contentType;
}
