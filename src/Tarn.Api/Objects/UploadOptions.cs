using Microsoft.AspNetCore.Http;

namespace Tarn.Api.Objects;

/// <summary>
/// What an <c>uploadObject</c> request says besides its body (docs/objects.md, "Upload"), read before the body so
/// that a bad <c>If-None-Match</c> or an existing path is refused without reading any data.
/// </summary>
/// <param name="UserMetadata">From the <c>X-Lakefs-Meta-*</c> / <c>X-Lakefs-Internal-*</c> headers.</param>
/// <param name="IfNoneMatchAll">The request said <c>If-None-Match: *</c>: fail with 412 if the path exists.</param>
/// <param name="StorageClass">The deprecated <c>storageClass</c> query parameter, passed to S3 stores only.</param>
public sealed record UploadOptions(IReadOnlyDictionary<string, string> UserMetadata, bool IfNoneMatchAll, string? StorageClass)
{
    /// <summary>Reads the options; throws <see cref="Tarn.Core.ErrorKind.InvalidArgument"/> for an unsupported If-None-Match.</summary>
    public static UploadOptions FromRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var storageClass = request.Query.TryGetValue("storageClass", out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        return new UploadOptions(
            UserMetadataHeaders.Read(request.Headers),
            IfNoneMatchHeader.RequiresAbsence(request.Headers),
            storageClass);
    }
}
