using Tarn.Versioning.Committed;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

/// <summary>Tuning of the <see cref="VersionController"/>; the defaults suit a server.</summary>
public sealed record VersionControllerOptions
{
    /// <summary>Range sizes and the range-file cache of committed storage.</summary>
    public CommittedManagerOptions Committed { get; init; } = new();

    /// <summary>
    /// Compare-and-swap attempts of commit, merge, revert, cherry-pick and hard reset before they give up
    /// with 423 <c>Too many attempts, try again later</c> (lakeFS: 10). Only writers in other processes
    /// can make these fail: in-process callers queue per branch.
    /// </summary>
    public int MaxCasAttempts { get; init; } = RefStore.DefaultCasAttempts;

    /// <summary>Commit records kept in memory (they are immutable; lakeFS keeps 50,000).</summary>
    public int CommitCacheCapacity { get; init; } = CommitCache.DefaultCapacity;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Committed);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCasAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(CommitCacheCapacity, 1);
    }
}
