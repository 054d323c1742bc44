using Tarn.Kv;
using Tarn.Versioning.Staging;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The ref manager: repositories, branches, tags, commits and repository metadata over an
/// <see cref="IKvStore"/> (layout in <see cref="RefKeys"/>). Branches move only by compare-and-swap,
/// tags and commits are created once; there are no locks.
/// </summary>
/// <remarks>Split by area into partial files: Repositories, Branches, Tags, Commits.</remarks>
public sealed partial class RefStore
{
    /// <summary>Compare-and-swap attempts before a branch or metadata update gives up with 423.</summary>
    public const int DefaultCasAttempts = 10;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly IKvStore _kv;
    private readonly StagingStore _staging;
    private readonly TimeProvider _time;
    private readonly CommitCache _commits;
    private readonly RepositoryCache _repositories;

    /// <param name="kv">The metadata store.</param>
    /// <param name="staging">Used to hand unreferenced staging tokens to the background sweeper.</param>
    /// <param name="time">Clock for repository creation dates and the initial commit.</param>
    /// <param name="commitCache">Shared commit cache; a private one when null.</param>
    /// <param name="repositoryCache">Cache of repository records; one with lakeFS's defaults when null.</param>
    public RefStore(IKvStore kv, StagingStore staging, TimeProvider? time = null, CommitCache? commitCache = null, RepositoryCache? repositoryCache = null)
    {
        _kv = kv;
        _staging = staging;
        _time = time ?? TimeProvider.System;
        _commits = commitCache ?? new CommitCache();
        _repositories = repositoryCache ?? new RepositoryCache(_time);
    }

    /// <summary>
    /// Waits before CAS attempt <paramref name="attempt"/> (1-based; none before the first): exponential
    /// with full jitter, so contending writers spread out instead of colliding again in lockstep.
    /// </summary>
    internal static Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt <= 1)
        {
            return Task.CompletedTask;
        }

        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 2));
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        return Task.Delay(delay, cancellationToken);
    }
}
