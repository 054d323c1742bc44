using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// A branch: its HEAD commit, the staging token that receives writes, and the sealed tokens (newest
/// first) of commits or operations in progress or failed (docs/staging.md, "Staging tokens"). Branch records change
/// only by compare-and-swap against the record read.
/// </summary>
public sealed record BranchRecord(string Id, CommitId CommitId, StagingToken StagingToken, IReadOnlyList<StagingToken> SealedTokens)
{
    /// <summary>Every token whose values are visible on the branch, newest first: staging, then sealed.</summary>
    public IReadOnlyList<StagingToken> AllTokens()
    {
        var tokens = new List<StagingToken>(SealedTokens.Count + 1) { StagingToken };
        tokens.AddRange(SealedTokens);
        return tokens;
    }

    /// <summary>Record equality compares the lists by content, which CAS callers rely on.</summary>
    public bool Equals(BranchRecord? other) =>
        other is not null
        && Id == other.Id
        && CommitId == other.CommitId
        && StagingToken == other.StagingToken
        && SealedTokens.SequenceEqual(other.SealedTokens);

    public override int GetHashCode() => HashCode.Combine(Id, CommitId, StagingToken, SealedTokens.Count);
}
