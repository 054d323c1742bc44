namespace Tarn.Api.Endpoints;

/// <summary>
/// The lakeFS operations Tarn does not serve yet. Each is routed with its method and path and answers
/// 501 <c>{"message": "not implemented"}</c>, so clients get an honest answer and the conformance test
/// proves the whole contract is routed. Implementing an operation means moving its line out of here.
/// </summary>
internal static class NotImplementedOperations
{
    public static readonly IReadOnlyList<(string OperationId, string Method, string Route)> All =
    [
        // internal
        ("dumpRefs", "PUT", "/repositories/{repository}/refs/dump"),
        ("restoreRefs", "PUT", "/repositories/{repository}/refs/restore"),
        // repositories
        ("dumpSubmit", "POST", "/repositories/{repository}/dump"),
        ("dumpStatus", "GET", "/repositories/{repository}/dump"),
        ("restoreSubmit", "POST", "/repositories/{repository}/restore"),
        ("restoreStatus", "GET", "/repositories/{repository}/restore"),
        // experimental
        ("createPresignMultipartUpload", "POST", "/repositories/{repository}/branches/{branch}/staging/pmpu"),
        ("completePresignMultipartUpload", "PUT", "/repositories/{repository}/branches/{branch}/staging/pmpu/{uploadId}"),
        ("abortPresignMultipartUpload", "DELETE", "/repositories/{repository}/branches/{branch}/staging/pmpu/{uploadId}"),
        // import
        ("importStatus", "GET", "/repositories/{repository}/branches/{branch}/import"),
        ("importStart", "POST", "/repositories/{repository}/branches/{branch}/import"),
        ("importCancel", "DELETE", "/repositories/{repository}/branches/{branch}/import"),
        // actions
        ("listRepositoryRuns", "GET", "/repositories/{repository}/actions/runs"),
        ("getRun", "GET", "/repositories/{repository}/actions/runs/{run_id}"),
        ("listRunHooks", "GET", "/repositories/{repository}/actions/runs/{run_id}/hooks"),
        ("getRunHookOutput", "GET", "/repositories/{repository}/actions/runs/{run_id}/hooks/{hook_run_id}/output"),
        // internal
        ("prepareGarbageCollectionUncommitted", "POST", "/repositories/{repository}/gc/prepare_uncommited"),
    ];
}
