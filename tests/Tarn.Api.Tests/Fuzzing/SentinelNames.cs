namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Names of the sentinel resources. Only the dot-segment generator uses them, and only as the parents of a
/// dot segment (<c>DELETE /repositories/sentinel-repo/branches/%2e%2e</c>); no other request names a
/// sentinel, so any change to one means a request reached an operation its path did not name. Some
/// sentinels are named like the literal segments of the API's paths (a repository <c>metadata</c>, a
/// branch <c>objects</c>) so that a removed <c>.</c> segment turns into a request for them:
/// <c>DELETE /repositories/%2e/metadata</c> would become <c>DELETE /repositories/metadata</c>.
/// </summary>
public static class SentinelNames
{
    public const string Repository = "sentinel-repo";
    public const string Branch = "sentinel-branch";
    public const string Tag = "sentinel-tag";
    public const string User = "sentinel-user";
    public const string Group = "sentinel-group";
    public const string Policy = "sentinel-policy";

    /// <summary>Repositories named like the segment after <c>/repositories/{repository}</c>.</summary>
    public static readonly IReadOnlyList<string> SegmentNamedRepositories = ["metadata", "branches"];

    /// <summary>Branches of <see cref="Repository"/> named like the segment after <c>/branches/{branch}</c>.</summary>
    public static readonly IReadOnlyList<string> SegmentNamedBranches = ["objects", "import", "diff", "hard_reset"];

    /// <summary>A user and a group named like the segment after <c>/users/{userId}</c> and <c>/groups/{groupId}</c>.</summary>
    public const string SegmentNamedUser = "groups";
    public const string SegmentNamedGroup = "members";

    public static IReadOnlyList<string> Repositories { get; } = [Repository, .. SegmentNamedRepositories];

    public static IReadOnlyList<string> Branches { get; } = ["main", Branch, .. SegmentNamedBranches];

    /// <summary>A sentinel to stand as the value of <paramref name="parameter"/> above a dot segment.</summary>
    public static string For(string parameter, FuzzRandom random) => parameter switch
    {
        "repository" => random.Weighted((Repository, 4.0), (SegmentNamedRepositories[0], 1.0), (SegmentNamedRepositories[1], 1.0)),
        "branch" or "ref" or "sourceRef" or "leftRef" or "destinationBranch" => random.Pick(Branches),
        "tag" => Tag,
        "userId" => random.Chance(0.75) ? User : SegmentNamedUser,
        "groupId" => random.Chance(0.75) ? Group : SegmentNamedGroup,
        "policyId" => Policy,
        _ => "sentinel-" + random.Letters(4),
    };
}
