using Microsoft.AspNetCore.Http;
using Tarn.Auth.Authorization;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;
using static Tarn.Auth.Authorization.PermissionTree;

namespace Tarn.Gateway.S3.Authorization;

/// <summary>
/// The one table of what every gateway operation requires (docs/gateway.md, "Permissions"), the counterpart of the
/// API's operation table: operation → action(s) on resource ARN(s). Object ARNs name the path only (the
/// ref is not part of them). Evaluated before any existence check.
/// </summary>
public static class S3Permissions
{
    public const string ListRepositories = "fs:ListRepositories";
    public const string ReadRepository = "fs:ReadRepository";
    public const string CreateRepository = "fs:CreateRepository";
    public const string ListBranches = "fs:ListBranches";
    public const string ListObjects = "fs:ListObjects";
    public const string ReadObject = "fs:ReadObject";
    public const string WriteObject = "fs:WriteObject";
    public const string DeleteObject = "fs:DeleteObject";

    /// <summary>
    /// What listing every repository requires (also asked before revealing that a bucket is missing, docs/gateway.md,
    /// "Repository lookup").
    /// </summary>
    public static PermissionTree ListAllRepositories { get; } = Leaf(ListRepositories, Arn.All);

    /// <summary>
    /// The permission <paramref name="operation"/> requires on <paramref name="target"/>; null for DeleteObjects,
    /// which checks each key itself. A malformed <c>x-amz-copy-source</c> is 400 <c>InvalidArgument</c>.
    /// </summary>
    public static PermissionTree? For(S3OperationId operation, S3Target target, S3Query query, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        var repository = target.Repository ?? "";
        return operation switch
        {
            S3OperationId.ListBuckets => ListAllRepositories,
            S3OperationId.HeadBucket => Leaf(ReadRepository, Arn.Repository(repository)),
            S3OperationId.CreateBucket => Leaf(CreateRepository, Arn.Repository(repository)),
            S3OperationId.ListObjects or S3OperationId.ListObjectsV2 or S3OperationId.GetBucketLocation or S3OperationId.GetBucketVersioning =>
                Leaf(ListsBranches(query) ? ListBranches : ListObjects, Arn.Repository(repository)),
            // Open uploads are listed by key like objects, whatever the prefix and delimiter.
            S3OperationId.ListMultipartUploads => Leaf(ListObjects, Arn.Repository(repository)),
            S3OperationId.GetObject or S3OperationId.HeadObject or S3OperationId.GetObjectTagging or S3OperationId.GetObjectVersioning =>
                Leaf(ReadObject, ObjectArn(target)),
            // Listing the parts of an upload is part of writing the object (resuming an upload), not of reading it.
            S3OperationId.PutObject or S3OperationId.UploadPart or S3OperationId.CreateMultipartUpload
                or S3OperationId.CompleteMultipartUpload or S3OperationId.ListParts => Leaf(WriteObject, ObjectArn(target)),
            S3OperationId.CopyObject or S3OperationId.UploadPartCopy => AllOf(
                Leaf(WriteObject, ObjectArn(target)),
                Leaf(ReadObject, SourceArn(CopySource.Parse(headers[CopySource.Header].ToString())))),
            S3OperationId.DeleteObject or S3OperationId.AbortMultipartUpload => Leaf(DeleteObject, ObjectArn(target)),
            S3OperationId.DeleteObjects => null,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "No permission row for this operation."),
        };
    }

    /// <summary>What deleting one key of a DeleteObjects batch requires.</summary>
    public static PermissionTree DeleteObjectIn(string repository, string path) => Leaf(DeleteObject, Arn.Object(repository, path));

    // A listing of the top level (no '/' in the prefix, '/' as delimiter) shows branches, not objects.
    private static bool ListsBranches(S3Query query) =>
        query.Get("delimiter") == "/" && !(query.Get("prefix") ?? "").Contains('/', StringComparison.Ordinal);

    private static string ObjectArn(S3Target target) => Arn.Object(target.Repository ?? "", target.Path ?? "");

    private static string SourceArn(CopySource source) => Arn.Object(source.Repository, source.Path);
}
