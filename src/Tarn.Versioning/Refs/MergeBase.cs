using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The best common ancestor of two commits (docs/merge.md, "Merge base"), as lakeFS computes it: a walk from
/// both sides that always expands the pending commit of highest generation (then newest), marking each
/// commit with the sides that reach it; the first commit reached from both sides is the base.
/// </summary>
public sealed class MergeBase(RefStore refs)
{
    [Flags]
    private enum Side : byte
    {
        None = 0,
        Left = 1,
        Right = 2,
        Both = Left | Right,
    }

    /// <summary>The merge base, or null when the histories are unrelated.</summary>
    public async ValueTask<CommitRecord?> FindAsync(RepositoryRecord repository, CommitId left, CommitId right, CancellationToken cancellationToken = default)
    {
        var leftCommit = await refs.GetCommitAsync(repository, left, cancellationToken);
        if (left == right)
        {
            return leftCommit;
        }

        var rightCommit = await refs.GetCommitAsync(repository, right, cancellationToken);
        var marks = new Dictionary<CommitId, Side> { [left] = Side.Left, [right] = Side.Right };
        var pending = new PriorityQueue<CommitRecord, CommitRecord>(HighestFirst.Instance);
        pending.Enqueue(leftCommit, leftCommit);
        pending.Enqueue(rightCommit, rightCommit);
        while (pending.TryDequeue(out var commit, out _))
        {
            var mark = marks[commit.Id];
            foreach (var parentId in commit.Parents)
            {
                if (!marks.TryGetValue(parentId, out var parentMark))
                {
                    var parent = await refs.GetCommitAsync(repository, parentId, cancellationToken);
                    pending.Enqueue(parent, parent);
                }

                parentMark |= mark;
                marks[parentId] = parentMark;
                if (parentMark == Side.Both)
                {
                    return await refs.GetCommitAsync(repository, parentId, cancellationToken);
                }
            }
        }

        return null;
    }

    private sealed class HighestFirst : IComparer<CommitRecord>
    {
        public static HighestFirst Instance { get; } = new();

        public int Compare(CommitRecord? x, CommitRecord? y)
        {
            var byGeneration = y!.Generation.CompareTo(x!.Generation);
            return byGeneration != 0 ? byGeneration : y.CreationDate.CompareTo(x.CreationDate);
        }
    }
}
