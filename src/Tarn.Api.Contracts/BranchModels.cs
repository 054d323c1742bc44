namespace Tarn.Api.Contracts;

/// <summary>A branch or a tag and the commit it points at (schema <c>Ref</c>).</summary>
public sealed record Ref(string Id, string CommitId);

/// <summary>Answer of <c>listBranches</c> and <c>listTags</c> (schema <c>RefList</c>).</summary>
public sealed record RefList(Pagination Pagination, IReadOnlyList<Ref> Results);

/// <summary>Body of <c>createBranch</c> (schema <c>BranchCreation</c>).</summary>
public sealed record BranchCreation
{
    public required string Name { get; init; }

    /// <summary>A ref expression naming the commit the branch starts at.</summary>
    public required string Source { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Body of <c>resetBranch</c> (schema <c>ResetCreation</c>): what uncommitted changes to discard.</summary>
public sealed record ResetCreation
{
    public required ResetType Type { get; init; }

    /// <summary>The object or prefix to reset; unused for <see cref="ResetType.Reset"/>.</summary>
    public string? Path { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Body of <c>revertBranch</c> (schema <c>RevertCreation</c>).</summary>
public sealed record RevertCreation
{
    /// <summary>The commit to revert, as a ref expression.</summary>
    public required string Ref { get; init; }

    /// <summary>
    /// 1-based parent to diff against when reverting a merge commit. Required by the schema, but 0 means
    /// "not given" (docs/merge.md, "Revert and cherry-pick").
    /// </summary>
    public required int ParentNumber { get; init; }

    public bool? Force { get; init; }

    public bool? AllowEmpty { get; init; }
}

/// <summary>Body of <c>cherryPick</c> (schema <c>CherryPickCreation</c>).</summary>
public sealed record CherryPickCreation
{
    /// <summary>The commit to cherry-pick, as a ref expression.</summary>
    public required string Ref { get; init; }

    /// <summary>1-based parent for merge commits; must be positive when present (docs/merge.md, "Revert and cherry-pick").</summary>
    public int? ParentNumber { get; init; }

    public bool? Force { get; init; }
}

/// <summary>Body of <c>createTag</c> (schema <c>TagCreation</c>); the answer is a <see cref="Contracts.Ref"/>.</summary>
public sealed record TagCreation
{
    public required string Id { get; init; }

    /// <summary>The commit to tag, as a ref expression.</summary>
    public required string Ref { get; init; }

    public bool? Force { get; init; }
}

/// <summary>
/// One branch-protection rule (schema <c>BranchProtectionRule</c>): a glob over branch names whose branches refuse
/// staging writes and commits. Lists of them are the body and answer of the branch-protection operations.
/// </summary>
public sealed record BranchProtectionRule(string Pattern);
