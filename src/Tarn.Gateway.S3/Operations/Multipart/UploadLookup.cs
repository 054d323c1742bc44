using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// Finds the upload a multipart request names by <c>uploadId</c>, after the branch checks every write
/// makes; an id that is unknown or was created for another repository, branch or path is 404 <c>NoSuchUpload</c>.
/// </summary>
public sealed class UploadLookup(MultipartUploads uploads, BranchWrites branches)
{
    public async Task<MultipartUpload> FindAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var branch = await branches.RequireWritableBranchAsync(request, cancellationToken);
        var uploadId = request.Query.Get("uploadId");
        if (string.IsNullOrEmpty(uploadId))
        {
            throw new S3ErrorException(S3Errors.NoSuchUpload);
        }

        return await uploads.GetAsync(uploadId, request.RequiredRepository.Id, branch, request.Target.Path!, cancellationToken);
    }
}
