using System.Runtime.CompilerServices;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The commit log (docs/commits.md, "The commit log"): a walk of the commit graph that always outputs the newest
/// pending commit (greatest creation date at full precision, ties broken by the greater ID), each
/// commit once. Every page re-walks from the start; commit records come from the commit cache.
/// </summary>
public sealed class CommitLog(RefStore refs)
{
    /// <summary>
    /// Commits reachable from <paramref name="start"/> in log order. With <paramref name="since"/>, a
    /// commit created before it is not output and its ancestors are not reached through it.
    /// </summary>
    public async IAsyncEnumerable<CommitRecord> WalkAsync(
        RepositoryRecord repository,
        CommitId start,
        bool firstParent = false,
        DateTimeOffset? since = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = await refs.GetCommitAsync(repository, start, cancellationToken);
        if (since is { } cutoff && first.CreationDate < cutoff)
        {
            yield break;
        }

        var pending = new PriorityQueue<CommitRecord, CommitRecord>(NewestFirst.Instance);
        var visited = new HashSet<CommitId> { first.Id };
        pending.Enqueue(first, first);
        while (pending.TryDequeue(out var commit, out _))
        {
            yield return commit;
            var parents = firstParent && commit.MainParent is { } main ? [main] : commit.Parents;
            foreach (var parentId in parents)
            {
                if (!visited.Add(parentId))
                {
                    continue;
                }

                var parent = await refs.GetCommitAsync(repository, parentId, cancellationToken);
                if (since is { } limit && parent.CreationDate < limit)
                {
                    continue;
                }

                pending.Enqueue(parent, parent);
            }
        }
    }

    /// <summary>One page of the log starting at <paramref name="start"/>, with paging, stop and path filter per <paramref name="options"/>.</summary>
    public async ValueTask<LogPage> ListAsync(RepositoryRecord repository, CommitId start, LogOptions options, CancellationToken cancellationToken = default)
    {
        var amount = options.EffectiveAmount;
        var collected = new List<CommitRecord>();
        var collecting = options.After is null;
        await foreach (var commit in WalkAsync(repository, start, options.FirstParent, options.Since, cancellationToken))
        {
            if (!collecting)
            {
                collecting = commit.Id == options.After;
                continue;
            }

            if (await MatchesAsync(repository, commit, options, cancellationToken))
            {
                collected.Add(commit);
                if (options.Limit && collected.Count == amount)
                {
                    return new LogPage(collected, HasMore: false);
                }

                if (collected.Count > amount)
                {
                    collected.RemoveAt(collected.Count - 1);
                    return new LogPage(collected, HasMore: true);
                }
            }

            if (commit.Id == options.StopAt)
            {
                break;
            }
        }

        return new LogPage(collected, HasMore: false);
    }

    private async ValueTask<bool> MatchesAsync(RepositoryRecord repository, CommitRecord commit, LogOptions options, CancellationToken cancellationToken)
    {
        if (options.TouchesPaths is not { } touches)
        {
            return true;
        }

        if (commit.Parents.Count != 1)
        {
            return false;
        }

        var parent = await refs.GetCommitAsync(repository, commit.Parents[0], cancellationToken);
        return await touches(commit, parent);
    }

    /// <summary>Priority order of the walk: the smallest element is the one output next.</summary>
    private sealed class NewestFirst : IComparer<CommitRecord>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(CommitRecord? x, CommitRecord? y)
        {
            var byDate = y!.CreationDate.CompareTo(x!.CreationDate);
            return byDate != 0 ? byDate : string.CompareOrdinal(y.Id.Value, x.Id.Value);
        }
    }
}
