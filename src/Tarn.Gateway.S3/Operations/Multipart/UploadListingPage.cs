using Tarn.Catalog.Multipart;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>One page of a ListMultipartUploads answer.</summary>
/// <param name="Uploads">The uploads shown, in listing order.</param>
/// <param name="CommonPrefixes">The keys rolled up at the delimiter, in listing order.</param>
/// <param name="IsTruncated">Whether more uploads or common prefixes follow.</param>
/// <param name="NextKeyMarker">The key (or common prefix) listed last; empty when nothing was listed.</param>
/// <param name="NextUploadIdMarker">The upload id listed last; empty when nothing was, or when the last entry was a common prefix.</param>
public sealed record UploadListingPage(
    IReadOnlyList<MultipartUpload> Uploads,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string NextKeyMarker,
    string NextUploadIdMarker);
