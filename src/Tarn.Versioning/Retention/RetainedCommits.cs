using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Retention;

/// <summary>
/// Which commits garbage collection must keep (docs/repositories.md, "Retained commits"): every branch HEAD, and every commit whose
/// successor on a first-parent chain was created inside the retention window of the branch walking it (the
/// branch's own rule, else the default); dangling commits (nobody's first parent, no branch) are kept while
/// younger than the default window.
/// </summary>
internal static class RetainedCommits
{
    public static IReadOnlyList<CommitRecord> Find(
        IReadOnlyDictionary<CommitId, CommitRecord> commits, IReadOnlyList<BranchRecord> branches, RetentionRules rules, DateTimeOffset now)
    {
        var defaultThreshold = now - TimeSpan.FromDays(rules.DefaultRetentionDays);
        var branchDays = rules.Branches.ToDictionary(b => b.BranchId, b => b.RetentionDays, StringComparer.Ordinal);
        var heads = branches.Select(b => b.CommitId).ToHashSet();
        var firstParents = commits.Values.Select(c => c.MainParent).OfType<CommitId>().ToHashSet();

        // Branch HEADs with their thresholds, then dangling leaves, all visited in commit-ID order.
        var starts = branches
            .Select(b => (Commit: b.CommitId, IsHead: true, Threshold: branchDays.TryGetValue(b.Id, out var days) ? now - TimeSpan.FromDays(days) : defaultThreshold))
            .Concat(commits.Keys.Where(id => !firstParents.Contains(id) && !heads.Contains(id)).Select(id => (Commit: id, IsHead: false, Threshold: defaultThreshold)))
            .OrderBy(s => s.Commit.ToString(), StringComparer.Ordinal)
            .ToList();

        var retained = new HashSet<CommitId>();
        var processed = new Dictionary<CommitId, DateTimeOffset>();
        foreach (var (start, isHead, threshold) in starts)
        {
            if (!commits.TryGetValue(start, out var startCommit))
            {
                continue;
            }

            // A leaf walks from a pseudo-commit whose main parent is the leaf and whose date is the leaf's.
            CommitId? parent = start;
            var childDate = startCommit.CreationDate;
            if (isHead)
            {
                retained.Add(start);
                processed[start] = threshold;
                parent = startCommit.MainParent;
            }

            while (parent is { } p && commits.TryGetValue(p, out var parentCommit))
            {
                // Marked before the "already walked" check, unlike lakeFS's order: a walk that reached p
                // first from an old child must not stop a later walk from keeping p for a young one.
                if (childDate > threshold)
                {
                    retained.Add(p);
                }

                if (processed.TryGetValue(p, out var seen) && seen <= threshold)
                {
                    break;
                }

                processed[p] = threshold;
                childDate = parentCommit.CreationDate;
                parent = parentCommit.MainParent;
            }
        }

        return [.. retained.Select(id => commits[id]).OrderBy(c => c.Id.ToString(), StringComparer.Ordinal)];
    }
}
