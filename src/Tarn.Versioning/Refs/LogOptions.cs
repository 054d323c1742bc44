using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>The parameters of a commit-log page (docs/commits.md, "The commit log"), with refs already resolved to commit IDs.</summary>
public sealed record LogOptions
{
    /// <summary>Page size; ≤ 0 means 100, more than 1000 is capped.</summary>
    public int Amount { get; init; } = PageRequest.DefaultAmount;

    /// <summary>Stop at <see cref="Amount"/> commits and never report more (<c>limit=true</c>).</summary>
    public bool Limit { get; init; }

    /// <summary>Follow only first parents.</summary>
    public bool FirstParent { get; init; }

    /// <summary>Prune commits created before this instant (and whatever is reachable only through them).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Start collecting after this commit has been passed in log order.</summary>
    public CommitId? After { get; init; }

    /// <summary>Stop after this commit (included).</summary>
    public CommitId? StopAt { get; init; }

    /// <summary>
    /// The <c>objects</c>/<c>prefixes</c> filter, supplied by the layer that can read trees: called with a
    /// single-parent commit and its parent, true when the commit changed a path of interest. When set,
    /// merge commits and root commits are never returned.
    /// </summary>
    public Func<CommitRecord, CommitRecord?, ValueTask<bool>>? TouchesPaths { get; init; }

    internal int EffectiveAmount => Amount <= 0 ? PageRequest.DefaultAmount : Math.Min(Amount, PageRequest.MaxAmount);
}
