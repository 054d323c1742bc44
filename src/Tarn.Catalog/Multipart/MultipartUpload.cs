namespace Tarn.Catalog.Multipart;

/// <summary>
/// The tracker record of a multipart upload (docs/gateway.md, "Multipart uploads"): where its data will live and what the
/// staged entry will carry once it completes. Repository, branch and path are kept so that later calls
/// naming the upload can be checked against them.
/// </summary>
/// <param name="UploadId">The block store's upload id (unguessable).</param>
/// <param name="RepositoryId">The repository the upload writes to.</param>
/// <param name="BranchId">The branch the completed object is staged on.</param>
/// <param name="Path">The object path inside the repository.</param>
/// <param name="Address">The relative address (in the repository's storage namespace) the parts are assembled at.</param>
/// <param name="CreatedAt">When the upload was started.</param>
/// <param name="ContentType">The content type given at creation; null for the default.</param>
/// <param name="Metadata">User metadata given at creation.</param>
/// <param name="Initiator">The user who started the upload; null on records written before it was kept.</param>
public sealed record MultipartUpload(
    string UploadId,
    string RepositoryId,
    string BranchId,
    string Path,
    string Address,
    DateTimeOffset CreatedAt,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string? Initiator = null);
