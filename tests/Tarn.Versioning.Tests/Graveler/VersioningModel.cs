namespace Tarn.Versioning.Tests.Graveler;

/// <summary>
/// The naive reference the model-based test compares the engine with: every commit is a full snapshot
/// (key → content), every branch a HEAD plus a dictionary of staged values (null = tombstone), and merge
/// is the table of docs/merge.md, "Merge rules per key", applied key by key. No ranges, no tokens, no shortcuts.
/// </summary>
internal sealed class VersioningModel
{
    /// <summary>A commit: a full snapshot, and the engine's ID of its tree (merge decides "no changes" by it, as lakeFS does).</summary>
    public sealed record Commit(string Id, SortedDictionary<string, string> Tree, string TreeId, IReadOnlyList<string> Parents, long Generation, DateTimeOffset Date);

    public sealed class Branch(string head)
    {
        public string Head { get; set; } = head;

        public Dictionary<string, string?> Staged { get; } = new(StringComparer.Ordinal);
    }

    public Dictionary<string, Commit> Commits { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Branch> Branches { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> TreeOf(string branch) => Commits[Branches[branch].Head].Tree;

    /// <summary>What the branch shows: HEAD overlaid with its staged values, tombstones removing keys.</summary>
    public SortedDictionary<string, string> Visible(string branch)
    {
        var result = new SortedDictionary<string, string>(TreeOf(branch), StringComparer.Ordinal);
        foreach (var (key, value) in Branches[branch].Staged)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>The uncommitted diff (docs/diff.md, "Uncommitted changes") as "type key=content" lines in key order.</summary>
    public List<string> Uncommitted(string branch)
    {
        var tree = TreeOf(branch);
        var result = new List<string>();
        foreach (var (key, value) in Branches[branch].Staged.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var inTree = tree.TryGetValue(key, out var committed);
            if (value is null)
            {
                if (inTree)
                {
                    result.Add($"removed {key}={committed}");
                }
            }
            else if (!inTree)
            {
                result.Add($"added {key}={value}");
            }
            else if (value != committed)
            {
                result.Add($"changed {key}={value}");
            }
        }

        return result;
    }

    public bool IsDirty(string branch) => Uncommitted(branch).Count > 0;

    /// <summary>The merge base by lakeFS's walk (docs/merge.md, "Merge base": generation, then date, highest first).</summary>
    public string? MergeBase(string left, string right)
    {
        if (left == right)
        {
            return left;
        }

        var marks = new Dictionary<string, int>(StringComparer.Ordinal) { [left] = 1, [right] = 2 };
        var pending = new List<string> { left, right };
        while (pending.Count > 0)
        {
            var next = pending.OrderByDescending(id => Commits[id].Generation).ThenByDescending(id => Commits[id].Date).First();
            pending.Remove(next);
            foreach (var parent in Commits[next].Parents)
            {
                if (!marks.TryGetValue(parent, out var mark))
                {
                    pending.Add(parent);
                }

                marks[parent] = mark | marks[next];
                if (marks[parent] == 3)
                {
                    return parent;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The three-way merge per key (docs/merge.md, "Merge rules per key"); conflicts unresolved by
    /// <paramref name="strategy"/> are collected.
    /// </summary>
    public static SortedDictionary<string, string> Merge(
        SortedDictionary<string, string> mergeBase,
        SortedDictionary<string, string> source,
        SortedDictionary<string, string> destination,
        string? strategy,
        List<string> conflicts)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in mergeBase.Keys.Union(source.Keys).Union(destination.Keys).Distinct())
        {
            var b = mergeBase.GetValueOrDefault(key);
            var s = source.GetValueOrDefault(key);
            var d = destination.GetValueOrDefault(key);
            string? merged;
            if (s == d)
            {
                merged = s;
            }
            else if (s == b)
            {
                merged = d;
            }
            else if (d == b)
            {
                merged = s;
            }
            else if (strategy == "source-wins")
            {
                merged = s;
            }
            else if (strategy == "dest-wins")
            {
                merged = d;
            }
            else
            {
                conflicts.Add(key);
                continue;
            }

            if (merged is not null)
            {
                result[key] = merged;
            }
        }

        return result;
    }

    public static bool SameTree(SortedDictionary<string, string> left, SortedDictionary<string, string> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
