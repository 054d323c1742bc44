using Microsoft.AspNetCore.Http;
using Tarn.Auth.Authorization;
using Tarn.Gateway.S3.Authorization;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.Tests.Authorization;

/// <summary>The gateway's permission table against docs/gateway.md, "Permissions".</summary>
public sealed class S3PermissionsTests
{
    private static readonly S3Target Bucket = new("repo", null, null, false);
    private static readonly S3Target Object = new("repo", "main", "a/b.txt", false);
    private const string ObjectArn = "arn:lakefs:fs:::repository/repo/object/a/b.txt";
    private const string RepoArn = "arn:lakefs:fs:::repository/repo";

    [Theory]
    [InlineData(S3OperationId.HeadBucket, "fs:ReadRepository", RepoArn)]
    [InlineData(S3OperationId.CreateBucket, "fs:CreateRepository", RepoArn)]
    [InlineData(S3OperationId.ListObjectsV2, "fs:ListObjects", RepoArn)]
    [InlineData(S3OperationId.GetBucketLocation, "fs:ListObjects", RepoArn)]
    [InlineData(S3OperationId.ListMultipartUploads, "fs:ListObjects", RepoArn)]
    public void Bucket_operations_require_repository_permissions(S3OperationId operation, string action, string resource) =>
        Assert.Equal(new PermissionLeaf(action, resource), S3Permissions.For(operation, Bucket, S3Query.Parse(""), new HeaderDictionary()));

    [Theory]
    [InlineData(S3OperationId.GetObject, "fs:ReadObject")]
    [InlineData(S3OperationId.HeadObject, "fs:ReadObject")]
    [InlineData(S3OperationId.PutObject, "fs:WriteObject")]
    [InlineData(S3OperationId.UploadPart, "fs:WriteObject")]
    [InlineData(S3OperationId.CreateMultipartUpload, "fs:WriteObject")]
    [InlineData(S3OperationId.CompleteMultipartUpload, "fs:WriteObject")]
    [InlineData(S3OperationId.DeleteObject, "fs:DeleteObject")]
    [InlineData(S3OperationId.AbortMultipartUpload, "fs:DeleteObject")]
    public void Object_operations_require_object_permissions_without_the_ref(S3OperationId operation, string action) =>
        Assert.Equal(new PermissionLeaf(action, ObjectArn), S3Permissions.For(operation, Object, S3Query.Parse(""), new HeaderDictionary()));

    [Fact]
    public void ListBuckets_requires_listing_every_repository() =>
        Assert.Equal(new PermissionLeaf("fs:ListRepositories", "*"),
            S3Permissions.For(S3OperationId.ListBuckets, new S3Target(null, null, null, false), S3Query.Parse(""), new HeaderDictionary()));

    [Theory]
    [InlineData("delimiter=%2F", "fs:ListBranches")]
    [InlineData("delimiter=%2F&prefix=ma", "fs:ListBranches")]
    [InlineData("delimiter=%2F&prefix=main%2F", "fs:ListObjects")]
    [InlineData("prefix=ma", "fs:ListObjects")]
    public void The_top_level_listing_requires_ListBranches(string query, string action) =>
        Assert.Equal(new PermissionLeaf(action, RepoArn), S3Permissions.For(S3OperationId.ListObjects, Bucket, S3Query.Parse(query), new HeaderDictionary()));

    [Theory]
    [InlineData("uploads")]
    [InlineData("uploads&delimiter=%2F")]
    [InlineData("uploads&delimiter=%2F&prefix=main%2F")]
    public void ListMultipartUploads_requires_ListObjects_even_at_the_top_level(string query) =>
        Assert.Equal(new PermissionLeaf("fs:ListObjects", RepoArn),
            S3Permissions.For(S3OperationId.ListMultipartUploads, Bucket, S3Query.Parse(query), new HeaderDictionary()));

    [Fact]
    public void Copies_require_write_on_the_destination_and_read_on_the_source()
    {
        var headers = new HeaderDictionary { ["x-amz-copy-source"] = "/other/main/src%20file" };

        var tree = Assert.IsType<AllOfPermissions>(S3Permissions.For(S3OperationId.CopyObject, Object, S3Query.Parse(""), headers));

        Assert.Equal(
            [new PermissionLeaf("fs:WriteObject", ObjectArn), new PermissionLeaf("fs:ReadObject", "arn:lakefs:fs:::repository/other/object/src file")],
            tree.Children);
    }

    [Theory]
    [InlineData("")]
    [InlineData("repo/main")]
    [InlineData("/repo//path")]
    public void A_malformed_copy_source_is_InvalidArgument(string source)
    {
        var headers = new HeaderDictionary { ["x-amz-copy-source"] = source };

        var error = Assert.Throws<S3ErrorException>(() => S3Permissions.For(S3OperationId.UploadPartCopy, Object, S3Query.Parse(""), headers));

        Assert.Equal("InvalidArgument", error.Error.Code);
    }

    [Fact]
    public void DeleteObjects_checks_each_key_itself() =>
        Assert.Null(S3Permissions.For(S3OperationId.DeleteObjects, Bucket, S3Query.Parse("delete"), new HeaderDictionary()));
}
