namespace Tarn.Versioning.Committed;

/// <summary>How a three-way merge resolves conflicts (docs/merge.md, "Merge rules per key").</summary>
public enum MergeStrategy
{
    /// <summary>Conflicts fail the merge with <see cref="MergeConflictException"/>.</summary>
    None,

    /// <summary><c>dest-wins</c>: the destination's side of every conflict is kept (including its deletions).</summary>
    Dest,

    /// <summary><c>source-wins</c>: the source's side of every conflict is kept (including its deletions).</summary>
    Source,
}
