using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// How a staged record compares with the committed value of its key (docs/diff.md, "Uncommitted changes" and "Two-dot
/// diff with staged changes"): the rule behind the uncommitted diff, the staged side of a two-dot diff and the "dirty"
/// test.
/// </summary>
internal static class StagedComparison
{
    /// <summary>The difference, or null when the staged record changes nothing.</summary>
    /// <param name="staged">A staged value or tombstone.</param>
    /// <param name="committed">The committed value of the same key, or null when the tree lacks it.</param>
    public static DiffRecord? Classify(ValueRecord staged, Value? committed)
    {
        if (staged.Value is not { } value)
        {
            return committed is null ? null : new DiffRecord(DiffType.Removed, staged.Key, committed, committed.Identity);
        }

        if (committed is null)
        {
            return new DiffRecord(DiffType.Added, staged.Key, value, null);
        }

        return value.SameIdentity(committed) ? null : new DiffRecord(DiffType.Changed, staged.Key, value, committed.Identity);
    }
}
