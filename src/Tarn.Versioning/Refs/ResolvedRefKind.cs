namespace Tarn.Versioning.Refs;

/// <summary>
/// What a ref expression resolved to, which decides whether reads see uncommitted changes (docs/refs.md, "What a ref
/// reads").
/// </summary>
public enum ResolvedRefKind
{
    /// <summary>A plain branch: HEAD plus uncommitted changes.</summary>
    Branch,
    /// <summary><c>branch@</c>: HEAD only.</summary>
    BranchCommittedOnly,
    /// <summary><c>branch$</c>: HEAD plus uncommitted changes, explicitly (matters for two-dot diff).</summary>
    BranchWithStaging,
    /// <summary>A commit: full ID, unique prefix, tag, or anything with <c>~</c>/<c>^</c>.</summary>
    Commit,
}
