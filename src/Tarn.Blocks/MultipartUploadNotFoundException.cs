using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// The upload id is unknown, already completed or aborted, or belongs to another object (S3's
/// <c>NoSuchUpload</c>). Its kind is <see cref="ErrorKind.NotFound"/>.
/// </summary>
public sealed class MultipartUploadNotFoundException : TarnException
{
    public MultipartUploadNotFoundException(string uploadId)
        : base(ErrorKind.NotFound, "multipart upload not found") => UploadId = uploadId;

    public string UploadId { get; }
}
