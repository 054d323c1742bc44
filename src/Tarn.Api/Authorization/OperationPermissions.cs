using Tarn.Auth.Authorization;
using Tarn.Auth.Management;
using static Tarn.Api.Authorization.OperationPermission;
using static Tarn.Auth.Authorization.PermissionTree;

namespace Tarn.Api.Authorization;

/// <summary>
/// The one table of what every lakeFS operation requires (docs/access-control.md, "The permission table"):
/// operationId → the action(s) and resource ARN(s) its caller must be granted. <see cref="ApiAuthorizationMiddleware"/>
/// evaluates the row of each request before the handler runs (so before any existence check); handlers contain
/// no authorization code. Start-up fails unless every routed operation has exactly one row here.
/// </summary>
/// <remarks>
/// Divergences, each on purpose: <c>getUsageReportSummary</c> is admin-only (lakeFS checks nothing). One
/// operation authorizes per item instead: <c>deleteObjects</c> needs only authentication here, and its handler
/// checks <see cref="DeleteObject"/> for every listed path, reporting denied paths as 401 items of <c>errors[]</c>.
/// </remarks>
public static class OperationPermissions
{
    /// <summary><c>fs:ReadConfig</c> on everything: getStorageConfig, and the storage half of getConfig.</summary>
    public static PermissionTree ReadConfig { get; } = Leaf("fs:ReadConfig", Arn.All);

    /// <summary><c>fs:DeleteObject</c> on one path: what <c>deleteObjects</c> checks for each listed path.</summary>
    public static PermissionTree DeleteObject(string repository, string path) => Leaf("fs:DeleteObject", Arn.Object(repository, path));

    public static IReadOnlyDictionary<string, OperationPermission> ByOperationId { get; } = new Dictionary<string, OperationPermission>(StringComparer.Ordinal)
    {
        // Setup, session and server information (docs/access-control.md, "Public and authentication-only operations")
        ["setupCommPrefs"] = Public,
        ["getSetupState"] = Public,
        ["setup"] = Public,
        ["login"] = Public,
        ["getAuthCapabilities"] = Public,
        ["healthCheck"] = Public,
        ["getCurrentUser"] = AuthenticationOnly,
        ["getConfig"] = AuthenticationOnly,
        ["getLakeFSVersion"] = AuthenticationOnly,
        ["getGarbageCollectionConfig"] = AuthenticationOnly,
        ["postStatsEvents"] = AuthenticationOnly,
        ["getStorageConfig"] = Require(_ => ReadConfig),
        // Usage counts span every user of the installation: only those who may list all users see them.
        ["getUsageReportSummary"] = Require(_ => Leaf("auth:ListUsers", Arn.All)),

        // Users, groups, memberships, credentials
        ["listUsers"] = Require(_ => Leaf("auth:ListUsers", Arn.All)),
        ["createUser"] = RequireFromBody(r => Leaf("auth:CreateUser", Arn.User(NewUserId(r)))),
        ["getUser"] = Require(r => Leaf("auth:ReadUser", User(r))),
        ["deleteUser"] = Require(r => Leaf("auth:DeleteUser", User(r))),
        ["listUserGroups"] = Require(r => Leaf("auth:ReadUser", User(r))),
        ["listGroups"] = Require(_ => Leaf("auth:ListGroups", Arn.All)),
        ["createGroup"] = RequireFromBody(r => Leaf("auth:CreateGroup", Arn.Group(r.BodyText("id")))),
        ["getGroup"] = Require(r => Leaf("auth:ReadGroup", Group(r))),
        ["deleteGroup"] = Require(r => Leaf("auth:DeleteGroup", Group(r))),
        ["listGroupMembers"] = Require(r => Leaf("auth:ReadGroup", Group(r))),
        ["addGroupMembership"] = Require(r => Leaf("auth:AddGroupMember", Group(r))),
        ["deleteGroupMembership"] = Require(r => Leaf("auth:RemoveGroupMember", Group(r))),
        ["listUserCredentials"] = Require(r => Leaf("auth:ListCredentials", User(r))),
        ["createCredentials"] = Require(r => Leaf("auth:CreateCredentials", User(r))),
        ["deleteCredentials"] = Require(r => Leaf("auth:DeleteCredentials", User(r))),
        ["getCredentials"] = Require(r => Leaf("auth:ReadCredentials", User(r))),

        // Policies (answer 501 before authentication in simplified mode) and group ACLs
        ["listPolicies"] = Require(_ => Leaf("auth:ListPolicies", Arn.All)),
        ["createPolicy"] = RequireFromBody(r => Leaf("auth:CreatePolicy", Arn.Policy(r.BodyText("id")))),
        ["getPolicy"] = Require(r => Leaf("auth:ReadPolicy", Policy(r))),
        ["updatePolicy"] = Require(r => Leaf("auth:UpdatePolicy", Policy(r))),
        ["deletePolicy"] = Require(r => Leaf("auth:DeletePolicy", Policy(r))),
        ["listUserPolicies"] = Require(r => Leaf("auth:ReadUser", User(r))),
        ["attachPolicyToUser"] = Require(r => Leaf("auth:AttachPolicy", User(r))),
        ["detachPolicyFromUser"] = Require(r => Leaf("auth:DetachPolicy", User(r))),
        ["listGroupPolicies"] = Require(r => Leaf("auth:ReadGroup", Group(r))),
        ["attachPolicyToGroup"] = Require(r => Leaf("auth:AttachPolicy", Group(r))),
        ["detachPolicyFromGroup"] = Require(r => Leaf("auth:DetachPolicy", Group(r))),
        ["setGroupACL"] = Require(r => AllOf(
            Leaf("auth:ReadGroup", Group(r)), Leaf("auth:AttachPolicy", AclPolicy(r)), Leaf("auth:UpdatePolicy", AclPolicy(r)))),
        ["getGroupACL"] = Require(r => AllOf(Leaf("auth:ReadGroup", Group(r)), Leaf("auth:ReadPolicy", AclPolicy(r)))),

        // Repositories and their settings
        ["listRepositories"] = Require(_ => Leaf("fs:ListRepositories", Arn.All)),
        ["createRepository"] = RequireFromBody(r => AllOf(
            Leaf("fs:CreateRepository", Arn.Repository(r.BodyText("name"))),
            Leaf("fs:AttachStorageNamespace", Arn.StorageNamespace(r.BodyText("storage_namespace"))))),
        ["getRepository"] = Require(r => Leaf("fs:ReadRepository", Repository(r))),
        ["deleteRepository"] = Require(r => Leaf("fs:DeleteRepository", Repository(r))),
        ["getRepositoryMetadata"] = Require(r => Leaf("fs:ReadRepository", Repository(r))),
        ["setRepositoryMetadata"] = Require(r => Leaf("fs:UpdateRepository", Repository(r))),
        ["deleteRepositoryMetadata"] = Require(r => Leaf("fs:UpdateRepository", Repository(r))),
        ["getGCRules"] = Require(GetGcRules),
        ["internalGetGarbageCollectionRules"] = Require(GetGcRules),
        ["setGCRules"] = Require(SetGcRules),
        ["deleteGCRules"] = Require(SetGcRules),
        ["internalSetGarbageCollectionRules"] = Require(SetGcRules),
        ["internalDeleteGarbageCollectionRules"] = Require(SetGcRules),
        ["setGarbageCollectionRulesPreflight"] = Require(SetGcRules),
        ["prepareGarbageCollectionCommits"] = Require(r => Leaf("retention:PrepareGarbageCollectionCommits", Repository(r))),
        ["prepareGarbageCollectionUncommitted"] = Require(r => Leaf("retention:PrepareGarbageCollectionUncommitted", Repository(r))),
        ["getBranchProtectionRules"] = Require(GetProtectionRules),
        ["internalGetBranchProtectionRules"] = Require(GetProtectionRules),
        ["setBranchProtectionRules"] = Require(SetProtectionRules),
        ["createBranchProtectionRulePreflight"] = Require(SetProtectionRules),
        ["internalCreateBranchProtectionRule"] = Require(SetProtectionRules),
        ["internalDeleteBranchProtectionRule"] = Require(SetProtectionRules),
        ["dumpRefs"] = Require(ReadRefs),
        ["dumpSubmit"] = Require(ReadRefs),
        ["dumpStatus"] = Require(ReadRefs),
        ["restoreRefs"] = Require(WriteRefs),
        ["restoreSubmit"] = Require(WriteRefs),
        ["restoreStatus"] = Require(WriteRefs),

        // Tags, branches, commits, refs
        ["listTags"] = Require(r => Leaf("fs:ListTags", Repository(r))),
        ["createTag"] = RequireFromBody(r => Leaf("fs:CreateTag", Arn.Tag(r.Route("repository"), r.BodyText("id")))),
        ["getTag"] = Require(r => Leaf("fs:ReadTag", Arn.Tag(r.Route("repository"), r.Route("tag")))),
        ["deleteTag"] = Require(r => Leaf("fs:DeleteTag", Arn.Tag(r.Route("repository"), r.Route("tag")))),
        ["listBranches"] = Require(r => Leaf("fs:ListBranches", Repository(r))),
        ["createBranch"] = RequireFromBody(r => Leaf("fs:CreateBranch", Arn.Branch(r.Route("repository"), r.BodyText("name")))),
        ["getBranch"] = Require(r => Leaf("fs:ReadBranch", Branch(r))),
        ["deleteBranch"] = Require(r => Leaf("fs:DeleteBranch", Branch(r))),
        ["resetBranch"] = Require(r => Leaf("fs:RevertBranch", Branch(r))),
        ["hardResetBranch"] = Require(r => Leaf("fs:RevertBranch", Branch(r))),
        ["revertBranch"] = Require(r => Leaf("fs:RevertBranch", Branch(r))),
        ["cherryPick"] = Require(r => AllOf(Leaf("fs:CreateCommit", Branch(r)), Leaf("fs:ReadCommit", Repository(r)))),
        ["commit"] = Require(r => Leaf("fs:CreateCommit", Branch(r))),
        ["CreateCommitRecord"] = Require(r => Leaf("fs:CreateCommit", Repository(r))),
        ["getCommit"] = Require(r => Leaf("fs:ReadCommit", Repository(r))),
        // lakeFS checks the ref string as a branch name even when it is a commit id or a tag.
        ["logCommits"] = Require(r => Leaf("fs:ReadBranch", Arn.Branch(r.Route("repository"), r.Route("ref")))),
        ["mergeIntoBranch"] = Require(r => Leaf("fs:CreateCommit", Arn.Branch(r.Route("repository"), r.Route("destinationBranch")))),
        ["findMergeBase"] = Require(r => Leaf("fs:ListCommits", Repository(r))),
        ["diffBranch"] = Require(r => Leaf("fs:ListObjects", Repository(r))),
        ["diffRefs"] = Require(r => Leaf("fs:ListObjects", Repository(r))),

        // Objects, staging, import
        ["getObject"] = Require(ReadObject),
        ["headObject"] = Require(ReadObject),
        ["statObject"] = Require(ReadObject),
        ["getUnderlyingProperties"] = Require(ReadObject),
        ["listObjects"] = Require(r => Leaf("fs:ListObjects", Repository(r))),
        ["uploadObject"] = Require(WriteObject),
        ["stageObject"] = Require(WriteObject),
        ["uploadObjectPreflight"] = Require(WriteObject),
        ["getPhysicalAddress"] = Require(WriteObject),
        ["linkPhysicalAddress"] = Require(WriteObject),
        ["createPresignMultipartUpload"] = Require(WriteObject),
        ["completePresignMultipartUpload"] = Require(WriteObject),
        ["abortPresignMultipartUpload"] = Require(WriteObject),
        ["deleteObject"] = Require(r => Leaf("fs:DeleteObject", ObjectAtPath(r))),
        ["deleteObjects"] = AuthenticationOnly,
        ["copyObject"] = RequireFromBody(r => AllOf(
            Leaf("fs:ReadObject", Arn.Object(r.Route("repository"), r.BodyText("src_path"))),
            Leaf("fs:WriteObject", Arn.Object(r.Route("repository"), r.Query("dest_path"))))),
        // lakeFS uses the branch name as the object path here; kept for policy compatibility.
        ["createSymlinkFile"] = Require(r => Leaf("fs:WriteObject", Arn.Object(r.Route("repository"), r.Route("branch")))),
        ["importStart"] = RequireFromBody(StartImport),
        ["importStatus"] = Require(r => Leaf("fs:ReadBranch", Branch(r))),
        ["importCancel"] = Require(r => Leaf("fs:ImportCancel", Branch(r))),

        // Actions and metadata
        ["listRepositoryRuns"] = Require(ReadActions),
        ["getRun"] = Require(ReadActions),
        ["listRunHooks"] = Require(ReadActions),
        ["getRunHookOutput"] = Require(ReadActions),
        ["getMetaRange"] = Require(ReadRanges),
        ["getRange"] = Require(ReadRanges),
    };

    private static string Repository(PermissionRequest r) => Arn.Repository(r.Route("repository"));

    private static string Branch(PermissionRequest r) => Arn.Branch(r.Route("repository"), r.Route("branch"));

    private static string ObjectAtPath(PermissionRequest r) => Arn.Object(r.Route("repository"), r.Query("path"));

    private static string User(PermissionRequest r) => Arn.User(r.Route("userId"));

    private static string Group(PermissionRequest r) => Arn.Group(r.Route("groupId"));

    private static string Policy(PermissionRequest r) => Arn.Policy(r.Route("policyId"));

    private static string AclPolicy(PermissionRequest r) => Arn.Policy(AclPermissions.PolicyName(r.Route("groupId")));

    // An invitation names the user by e-mail address, which lakeFS lower-cases before checking.
    private static string NewUserId(PermissionRequest r) =>
        r.BodyFlag("invite_user") ? r.BodyText("id").ToLowerInvariant() : r.BodyText("id");

    private static PermissionTree ReadObject(PermissionRequest r) => Leaf("fs:ReadObject", ObjectAtPath(r));

    private static PermissionTree WriteObject(PermissionRequest r) => Leaf("fs:WriteObject", ObjectAtPath(r));

    private static PermissionTree GetGcRules(PermissionRequest r) => Leaf("retention:GetGarbageCollectionRules", Repository(r));

    private static PermissionTree SetGcRules(PermissionRequest r) => Leaf("retention:SetGarbageCollectionRules", Repository(r));

    private static PermissionTree GetProtectionRules(PermissionRequest r) => Leaf("branches:GetBranchProtectionRules", Repository(r));

    private static PermissionTree SetProtectionRules(PermissionRequest r) => Leaf("branches:SetBranchProtectionRules", Repository(r));

    private static PermissionTree ReadActions(PermissionRequest r) => Leaf("ci:ReadAction", Repository(r));

    private static PermissionTree ReadRanges(PermissionRequest r) =>
        AllOf(Leaf("fs:ListObjects", Repository(r)), Leaf("fs:ReadRepository", Repository(r)));

    private static PermissionTree ReadRefs(PermissionRequest r) =>
        AllOf(Leaf("fs:ListTags", Repository(r)), Leaf("fs:ListBranches", Repository(r)), Leaf("fs:ListCommits", Repository(r)));

    private static PermissionTree WriteRefs(PermissionRequest r) =>
        AllOf(Leaf("fs:CreateTag", Repository(r)), Leaf("fs:CreateBranch", Repository(r)), Leaf("fs:CreateCommit", Repository(r)));

    // Every listed path. An empty list deletes nothing, but still needs delete rights on the repository's objects.
    // The branch-level leaf uses fs:WriteObject on a branch ARN: a lakeFS quirk kept for policy compatibility.
    private static PermissionTree StartImport(PermissionRequest r)
    {
        var repository = r.Route("repository");
        var leaves = new List<PermissionTree> { Leaf("fs:WriteObject", Branch(r)), Leaf("fs:CreateCommit", Branch(r)) };
        foreach (var location in r.BodyItems("paths"))
        {
            leaves.Add(Leaf("fs:ImportFromStorage", Arn.StorageNamespace(PermissionRequest.TextOf(location, "path"))));
            leaves.Add(Leaf("fs:WriteObject", Arn.Object(repository, PermissionRequest.TextOf(location, "destination"))));
        }

        return AllOf([.. leaves]);
    }
}
