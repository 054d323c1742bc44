namespace Tarn.Api.Tests;

/// <summary>
/// Test data for the permission table test: a sample request for every lakeFS operation and, written out independently
/// of the production table, the exact grants lakeFS requires for that request (docs/access-control.md, "The permission
/// table").
/// </summary>
internal static class OperationSamples
{
    public const string Everything = "*";
    public const string Repository = "arn:lakefs:fs:::repository/repo1";
    public const string Branch = Repository + "/branch/branch1";
    public const string ObjectAtPath = Repository + "/object/dir/file.txt";
    public const string TargetUser = "arn:lakefs:auth:::user/target-user";
    public const string TargetGroup = "arn:lakefs:auth:::group/target-group";
    public const string TargetPolicy = "arn:lakefs:auth:::policy/target-policy";
    public const string TargetGroupAcl = "arn:lakefs:auth:::policy/ACL(_-_)target-group";

    /// <summary>Every non-public operation: the grants ("action resource") it needs; none for authentication-only ones.</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredGrants { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["getCurrentUser"] = [],
        ["getConfig"] = [],
        ["getLakeFSVersion"] = [],
        ["getGarbageCollectionConfig"] = [],
        ["postStatsEvents"] = [],
        ["getStorageConfig"] = ["fs:ReadConfig *"],
        ["getUsageReportSummary"] = ["auth:ListUsers *"],
        ["listUsers"] = ["auth:ListUsers *"],
        ["createUser"] = [$"auth:CreateUser {TargetUser}"],
        ["getUser"] = [$"auth:ReadUser {TargetUser}"],
        ["deleteUser"] = [$"auth:DeleteUser {TargetUser}"],
        ["listGroups"] = ["auth:ListGroups *"],
        ["createGroup"] = [$"auth:CreateGroup {TargetGroup}"],
        ["getGroup"] = [$"auth:ReadGroup {TargetGroup}"],
        ["deleteGroup"] = [$"auth:DeleteGroup {TargetGroup}"],
        ["listPolicies"] = ["auth:ListPolicies *"],
        ["createPolicy"] = [$"auth:CreatePolicy {TargetPolicy}"],
        ["getPolicy"] = [$"auth:ReadPolicy {TargetPolicy}"],
        ["updatePolicy"] = [$"auth:UpdatePolicy {TargetPolicy}"],
        ["deletePolicy"] = [$"auth:DeletePolicy {TargetPolicy}"],
        ["listGroupMembers"] = [$"auth:ReadGroup {TargetGroup}"],
        ["addGroupMembership"] = [$"auth:AddGroupMember {TargetGroup}"],
        ["deleteGroupMembership"] = [$"auth:RemoveGroupMember {TargetGroup}"],
        ["listUserCredentials"] = [$"auth:ListCredentials {TargetUser}"],
        ["createCredentials"] = [$"auth:CreateCredentials {TargetUser}"],
        ["deleteCredentials"] = [$"auth:DeleteCredentials {TargetUser}"],
        ["getCredentials"] = [$"auth:ReadCredentials {TargetUser}"],
        ["listUserGroups"] = [$"auth:ReadUser {TargetUser}"],
        ["listUserPolicies"] = [$"auth:ReadUser {TargetUser}"],
        ["attachPolicyToUser"] = [$"auth:AttachPolicy {TargetUser}"],
        ["detachPolicyFromUser"] = [$"auth:DetachPolicy {TargetUser}"],
        ["listGroupPolicies"] = [$"auth:ReadGroup {TargetGroup}"],
        ["attachPolicyToGroup"] = [$"auth:AttachPolicy {TargetGroup}"],
        ["detachPolicyFromGroup"] = [$"auth:DetachPolicy {TargetGroup}"],
        ["setGroupACL"] = [$"auth:ReadGroup {TargetGroup}", $"auth:AttachPolicy {TargetGroupAcl}", $"auth:UpdatePolicy {TargetGroupAcl}"],
        ["getGroupACL"] = [$"auth:ReadGroup {TargetGroup}", $"auth:ReadPolicy {TargetGroupAcl}"],
        ["listRepositories"] = ["fs:ListRepositories *"],
        ["createRepository"] = [$"fs:CreateRepository {Repository}", "fs:AttachStorageNamespace arn:lakefs:fs:::namespace/local://ns1"],
        ["getRepository"] = [$"fs:ReadRepository {Repository}"],
        ["deleteRepository"] = [$"fs:DeleteRepository {Repository}"],
        ["getRepositoryMetadata"] = [$"fs:ReadRepository {Repository}"],
        ["setRepositoryMetadata"] = [$"fs:UpdateRepository {Repository}"],
        ["deleteRepositoryMetadata"] = [$"fs:UpdateRepository {Repository}"],
        ["getGCRules"] = [$"retention:GetGarbageCollectionRules {Repository}"],
        ["setGCRules"] = [$"retention:SetGarbageCollectionRules {Repository}"],
        ["deleteGCRules"] = [$"retention:SetGarbageCollectionRules {Repository}"],
        ["getBranchProtectionRules"] = [$"branches:GetBranchProtectionRules {Repository}"],
        ["setBranchProtectionRules"] = [$"branches:SetBranchProtectionRules {Repository}"],
        ["dumpRefs"] = [$"fs:ListTags {Repository}", $"fs:ListBranches {Repository}", $"fs:ListCommits {Repository}"],
        ["restoreRefs"] = [$"fs:CreateTag {Repository}", $"fs:CreateBranch {Repository}", $"fs:CreateCommit {Repository}"],
        ["dumpSubmit"] = [$"fs:ListTags {Repository}", $"fs:ListBranches {Repository}", $"fs:ListCommits {Repository}"],
        ["dumpStatus"] = [$"fs:ListTags {Repository}", $"fs:ListBranches {Repository}", $"fs:ListCommits {Repository}"],
        ["restoreSubmit"] = [$"fs:CreateTag {Repository}", $"fs:CreateBranch {Repository}", $"fs:CreateCommit {Repository}"],
        ["restoreStatus"] = [$"fs:CreateTag {Repository}", $"fs:CreateBranch {Repository}", $"fs:CreateCommit {Repository}"],
        ["listTags"] = [$"fs:ListTags {Repository}"],
        ["createTag"] = [$"fs:CreateTag {Repository}/tag/tag1"],
        ["getTag"] = [$"fs:ReadTag {Repository}/tag/tag1"],
        ["deleteTag"] = [$"fs:DeleteTag {Repository}/tag/tag1"],
        ["listBranches"] = [$"fs:ListBranches {Repository}"],
        ["createBranch"] = [$"fs:CreateBranch {Branch}"],
        ["logCommits"] = [$"fs:ReadBranch {Repository}/branch/ref1"],
        ["commit"] = [$"fs:CreateCommit {Branch}"],
        ["CreateCommitRecord"] = [$"fs:CreateCommit {Repository}"],
        ["getBranch"] = [$"fs:ReadBranch {Branch}"],
        ["deleteBranch"] = [$"fs:DeleteBranch {Branch}"],
        ["resetBranch"] = [$"fs:RevertBranch {Branch}"],
        ["hardResetBranch"] = [$"fs:RevertBranch {Branch}"],
        ["revertBranch"] = [$"fs:RevertBranch {Branch}"],
        ["cherryPick"] = [$"fs:CreateCommit {Branch}", $"fs:ReadCommit {Repository}"],
        ["mergeIntoBranch"] = [$"fs:CreateCommit {Repository}/branch/dest1"],
        ["findMergeBase"] = [$"fs:ListCommits {Repository}"],
        ["diffBranch"] = [$"fs:ListObjects {Repository}"],
        ["diffRefs"] = [$"fs:ListObjects {Repository}"],
        ["getCommit"] = [$"fs:ReadCommit {Repository}"],
        ["getObject"] = [$"fs:ReadObject {ObjectAtPath}"],
        ["headObject"] = [$"fs:ReadObject {ObjectAtPath}"],
        ["createPresignMultipartUpload"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["completePresignMultipartUpload"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["abortPresignMultipartUpload"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["getPhysicalAddress"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["linkPhysicalAddress"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["importStatus"] = [$"fs:ReadBranch {Branch}"],
        ["importStart"] =
        [
            $"fs:WriteObject {Branch}", $"fs:CreateCommit {Branch}",
            "fs:ImportFromStorage arn:lakefs:fs:::namespace/local://bucket/a.txt", $"fs:WriteObject {Repository}/object/dir/a.txt",
            "fs:ImportFromStorage arn:lakefs:fs:::namespace/local://bucket/b/", $"fs:WriteObject {Repository}/object/dir/b/",
        ],
        ["importCancel"] = [$"fs:ImportCancel {Branch}"],
        ["uploadObjectPreflight"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["stageObject"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["uploadObject"] = [$"fs:WriteObject {ObjectAtPath}"],
        ["deleteObject"] = [$"fs:DeleteObject {ObjectAtPath}"],
        // Authorized per path by the handler (401 items in errors[]): ObjectBulkEndpointTests covers it.
        ["deleteObjects"] = [],
        ["copyObject"] = [$"fs:ReadObject {Repository}/object/dir/src.txt", $"fs:WriteObject {Repository}/object/dir/copy.txt"],
        ["statObject"] = [$"fs:ReadObject {ObjectAtPath}"],
        ["getUnderlyingProperties"] = [$"fs:ReadObject {ObjectAtPath}"],
        ["listObjects"] = [$"fs:ListObjects {Repository}"],
        ["createSymlinkFile"] = [$"fs:WriteObject {Repository}/object/branch1"],
        ["listRepositoryRuns"] = [$"ci:ReadAction {Repository}"],
        ["getRun"] = [$"ci:ReadAction {Repository}"],
        ["listRunHooks"] = [$"ci:ReadAction {Repository}"],
        ["getRunHookOutput"] = [$"ci:ReadAction {Repository}"],
        ["getMetaRange"] = [$"fs:ListObjects {Repository}", $"fs:ReadRepository {Repository}"],
        ["getRange"] = [$"fs:ListObjects {Repository}", $"fs:ReadRepository {Repository}"],
        ["setGarbageCollectionRulesPreflight"] = [$"retention:SetGarbageCollectionRules {Repository}"],
        ["internalGetGarbageCollectionRules"] = [$"retention:GetGarbageCollectionRules {Repository}"],
        ["internalSetGarbageCollectionRules"] = [$"retention:SetGarbageCollectionRules {Repository}"],
        ["internalDeleteGarbageCollectionRules"] = [$"retention:SetGarbageCollectionRules {Repository}"],
        ["prepareGarbageCollectionCommits"] = [$"retention:PrepareGarbageCollectionCommits {Repository}"],
        ["prepareGarbageCollectionUncommitted"] = [$"retention:PrepareGarbageCollectionUncommitted {Repository}"],
        ["createBranchProtectionRulePreflight"] = [$"branches:SetBranchProtectionRules {Repository}"],
        ["internalGetBranchProtectionRules"] = [$"branches:GetBranchProtectionRules {Repository}"],
        ["internalCreateBranchProtectionRule"] = [$"branches:SetBranchProtectionRules {Repository}"],
        ["internalDeleteBranchProtectionRule"] = [$"branches:SetBranchProtectionRules {Repository}"],
    };

    private static readonly Dictionary<string, string> PathValues = new(StringComparer.Ordinal)
    {
        ["repository"] = "repo1",
        ["branch"] = "branch1",
        ["ref"] = "ref1",
        ["tag"] = "tag1",
        ["sourceRef"] = "source1",
        ["destinationBranch"] = "dest1",
        ["leftRef"] = "left1",
        ["rightRef"] = "right1",
        ["commitId"] = "c0ffee",
        ["uploadId"] = "upload1",
        ["run_id"] = "run1",
        ["hook_run_id"] = "hook1",
        ["meta_range"] = "metarange1",
        ["range"] = "range1",
        ["userId"] = "target-user",
        ["groupId"] = "target-group",
        ["policyId"] = "target-policy",
        ["accessKeyId"] = "AKIAJTARGETTARGETTQ",
    };

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["createUser"] = """{"id":"target-user"}""",
        ["createGroup"] = """{"id":"target-group"}""",
        ["createPolicy"] = """{"id":"target-policy","statement":[{"effect":"allow","action":["fs:ReadRepository"],"resource":"*"}]}""",
        ["updatePolicy"] = """{"id":"target-policy","statement":[{"effect":"allow","action":["fs:ReadRepository"],"resource":"*"}]}""",
        ["setGroupACL"] = """{"permission":"Read"}""",
        ["postStatsEvents"] = """{"events":[]}""",
        ["createRepository"] = """{"name":"repo1","storage_namespace":"local://ns1"}""",
        ["createTag"] = """{"id":"tag1","ref":"main"}""",
        ["createBranch"] = """{"name":"branch1","source":"main"}""",
        ["copyObject"] = """{"src_path":"dir/src.txt"}""",
        ["deleteObjects"] = """{"paths":["dir/x.txt","dir/y.txt"]}""",
        ["importStart"] = """
            {"paths":[{"type":"object","path":"local://bucket/a.txt","destination":"dir/a.txt"},
                      {"type":"common_prefix","path":"local://bucket/b/","destination":"dir/b/"}],
             "commit":{"message":"import"}}
            """,
    };

    /// <summary>The sample request of an operation: its path filled in, the object query parameters, and its body.</summary>
    public static HttpRequestMessage Request(string operationId, string method, string specPath)
    {
        var path = specPath;
        foreach (var (name, value) in PathValues)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        var request = new HttpRequestMessage(new HttpMethod(method), "api/v1" + path + "?path=dir/file.txt&dest_path=dir/copy.txt");
        if (Bodies.TryGetValue(operationId, out var body))
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
