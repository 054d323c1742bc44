namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Dot-segment requests every run sends first, whatever the seed: each names an operation on a child of a
/// sentinel, and a server that removed the dot segment before routing would instead delete, reset or read
/// the sentinel itself (<c>DELETE …/branches/%2e%2e</c> → deleteRepository). The generator produces such
/// requests too, but only by chance.
/// </summary>
public static class SentinelProbes
{
    private const string Repo = "/api/v1/repositories/" + SentinelNames.Repository;

    private static readonly (string OperationId, string Method, string Target, string? Body)[] Probes =
    [
        ("deleteBranch", "DELETE", Repo + "/branches/%2e%2e", null),
        ("deleteBranch", "DELETE", Repo + "/branches/..", null),
        ("deleteTag", "DELETE", Repo + "/tags/.%2e", null),
        ("deleteObject", "DELETE", Repo + "/branches/./objects?path=sentinel%2Fstaged.txt", null),
        ("importCancel", "DELETE", Repo + "/branches/%2e/import", null),
        ("hardResetBranch", "PUT", Repo + "/branches/%2E/hard_reset?ref=main", "{\"type\":\"reset\"}"),
        ("getMetaRange", "GET", Repo + "/metadata/meta_range/..", null),
        ("deleteRepositoryMetadata", "DELETE", "/api/v1/repositories/%2e/metadata", "{\"keys\":[\"sentinel\"]}"),
        ("deleteGroupMembership", "DELETE", $"/api/v1/auth/groups/{SentinelNames.Group}/members/..", null),
        ("deleteCredentials", "DELETE", $"/api/v1/auth/users/{SentinelNames.User}/credentials/..", null),
        ("detachPolicyFromUser", "DELETE", $"/api/v1/auth/users/{SentinelNames.User}/policies/%2E%2e", null),
        ("detachPolicyFromGroup", "DELETE", $"/api/v1/auth/groups/{SentinelNames.Group}/policies/%2e%2E", null),
        ("listUserGroups", "GET", "/api/v1/auth/users/%2e/groups", null),
    ];

    public static IReadOnlyList<FuzzRequest> Build(FuzzCredentials admin) =>
        Probes.Select((probe, i) => new FuzzRequest
        {
            Index = i + 1,
            OperationId = probe.OperationId,
            Method = probe.Method,
            Target = probe.Target,
            Headers = probe.Body is null
                ? [KeyValuePair.Create("Authorization", admin.BasicHeader)]
                : [KeyValuePair.Create("Authorization", admin.BasicHeader), KeyValuePair.Create("Content-Type", "application/json")],
            Body = probe.Body is null ? null : System.Text.Encoding.UTF8.GetBytes(probe.Body),
            Mutations = [MutationKind.PathDotSegment],
            Note = "sentinel probe",
        }).ToList();
}
