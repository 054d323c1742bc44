namespace Tarn.Blocks;

/// <summary>Why a multipart completion's part list was refused (the S3 gateway picks its error code from it).</summary>
public enum InvalidPartListReason
{
    /// <summary>No parts were listed.</summary>
    Empty,

    /// <summary>A part number is outside 1..10000.</summary>
    PartNumberOutOfRange,

    /// <summary>Part numbers are not strictly ascending (S3's <c>InvalidPartOrder</c>).</summary>
    NotAscending,

    /// <summary>A listed part was never uploaded (S3's <c>InvalidPart</c>).</summary>
    PartMissing,

    /// <summary>A listed ETag differs from the uploaded part's (S3's <c>InvalidPart</c>).</summary>
    ETagMismatch,
}
