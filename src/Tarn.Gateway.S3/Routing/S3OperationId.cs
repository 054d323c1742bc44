namespace Tarn.Gateway.S3.Routing;

/// <summary>The S3 operations the gateway dispatches to (docs/gateway.md, "Operation table").</summary>
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
