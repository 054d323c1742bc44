namespace Tarn.Gateway.S3.Routing;

/// <summary>The S3 operations the gateway dispatches to (s3-gateway.md §2.3, §5, §6).</summary>
public enum S3OperationId
{
    ListBuckets,
    HeadBucket,
    CreateBucket,
    GetBucketLocation,
    GetBucketVersioning,
    ListObjects,
    ListObjectsV2,
    DeleteObjects,
    GetObject,
    HeadObject,
    GetObjectTagging,
    GetObjectVersioning,
    PutObject,
    CopyObject,
    DeleteObject,
    CreateMultipartUpload,
    UploadPart,
    UploadPartCopy,
    CompleteMultipartUpload,
    AbortMultipartUpload,
    ListParts,
    ListMultipartUploads,
}
