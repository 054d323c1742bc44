using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The result of resolving a ref expression. <see cref="Branch"/> is set for the three branch kinds
/// (with its staging and sealed tokens as read), null for <see cref="ResolvedRefKind.Commit"/>.
/// </summary>
public sealed record ResolvedRef(ResolvedRefKind Kind, BranchRecord? Branch, CommitRecord Commit)
{
    public CommitId CommitId => Commit.Id;

    public string? BranchId => Branch?.Id;

    /// <summary>Whether reads through this ref include the branch's uncommitted changes.</summary>
    public bool IncludesStaging => Kind is ResolvedRefKind.Branch or ResolvedRefKind.BranchWithStaging;
}
