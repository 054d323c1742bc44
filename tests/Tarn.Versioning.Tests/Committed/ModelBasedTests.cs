using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>
/// Random trees (seeded, so a failure names its seed) run through apply, diff, compare and merge, and
/// every result is checked against a naive model over sorted dictionaries.
/// </summary>
public sealed class ModelBasedTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 24)];

    private static SortedDictionary<string, string> RandomTree(Random random, int keySpace, double density) =>
        new(Enumerable.Range(0, keySpace).Where(_ => random.NextDouble() < density).ToDictionary(Key, _ => $"v{random.Next(3)}"), StringComparer.Ordinal);

    /// <summary>Changes a random share of keys: deletes, rewrites, adds (and some no-op rewrites and tombstones of absent keys).</summary>
    private static SortedDictionary<string, string?> RandomChanges(Random random, SortedDictionary<string, string> tree, int keySpace, double rate)
    {
        var changes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < keySpace; i++)
        {
            if (random.NextDouble() >= rate)
            {
                continue;
            }

            var key = Key(i);
            changes[key] = random.Next(4) switch
            {
                0 => null,
                1 when tree.TryGetValue(key, out var same) => same,
                _ => $"v{random.Next(4)}",
            };
        }

        return changes;
    }

    private static SortedDictionary<string, string> Applied(SortedDictionary<string, string> tree, SortedDictionary<string, string?> changes)
    {
        var result = new SortedDictionary<string, string>(tree, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
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

    private async Task<MetaRangeId> ApplyAsync(CommittedManager manager, MetaRangeId baseId, SortedDictionary<string, string?> changes) =>
        (await manager.ApplyAsync(Namespace, baseId, Changes(changes.Select(c => KeyValuePair.Create(c.Key, c.Value is null ? null : (Value?)V(c.Value)))), new ApplyOptions(AllowEmpty: true), _ct)).MetaRangeId;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Apply_diff_compare_and_merge_match_the_model(int seed)
    {
        var random = new Random(seed);
        var keySpace = random.Next(50, 1500);
        var manager = new CommittedManager(new MemoryBlockAdapter(), SmallRanges(random.Next(2, 40)));

        var baseModel = RandomTree(random, keySpace, random.NextDouble());
        var baseId = await CreateAsync(manager, baseModel.Select(p => KeyValuePair.Create(p.Key, V(p.Value))));
        var sourceChanges = RandomChanges(random, baseModel, keySpace, random.NextDouble() * 0.3);
        var destChanges = RandomChanges(random, baseModel, keySpace, random.NextDouble() * 0.3);
        var sourceModel = Applied(baseModel, sourceChanges);
        var destModel = Applied(baseModel, destChanges);
        var sourceId = await ApplyAsync(manager, baseId, sourceChanges);
        var destId = await ApplyAsync(manager, baseId, destChanges);

        // Apply: the content, and the tree ID equals that of the same content built from scratch.
        Assert.Equal(sourceModel.Select(p => (p.Key, p.Value)), await ReadAllAsync(manager, sourceId));
        Assert.Equal(destModel.Select(p => (p.Key, p.Value)), await ReadAllAsync(manager, destId));
        if (sourceModel.Count > 0)
        {
            Assert.Equal(await CreateAsync(manager, sourceModel.Select(p => KeyValuePair.Create(p.Key, V(p.Value)))), sourceId);
        }

        // Two-dot diff.
        var expectedDiff = ModelDiff(destModel, sourceModel);
        Assert.Equal(expectedDiff, await ReadAllAsync(await manager.DiffAsync(Namespace, destId, sourceId, _ct)));

        // Three-dot compare and merge with every strategy.
        var (expectedCompare, merged, conflicts) = ModelMerge(baseModel, sourceModel, destModel);
        Assert.Equal(expectedCompare, await ReadAllAsync(await manager.CompareAsync(Namespace, destId, sourceId, baseId, _ct)));
        foreach (var strategy in new[] { MergeStrategy.None, MergeStrategy.Source, MergeStrategy.Dest })
        {
            if (sourceId == baseId)
            {
                break;
            }

            if (strategy == MergeStrategy.None && conflicts.Count > 0)
            {
                var error = await Assert.ThrowsAsync<MergeConflictException>(() => manager.MergeAsync(Namespace, destId, sourceId, baseId, strategy, _ct));
                Assert.Equal(conflicts.Take(manager.Options.MaxReportedConflicts), error.ConflictingKeys.Select(S));
                continue;
            }

            var mergedId = await manager.MergeAsync(Namespace, destId, sourceId, baseId, strategy, _ct);
            var expected = merged(strategy);
            Assert.Equal(expected.Select(p => (p.Key, p.Value)), await ReadAllAsync(manager, mergedId));
        }
    }

    private static List<(DiffType, string, string)> ModelDiff(SortedDictionary<string, string> left, SortedDictionary<string, string> right)
    {
        var result = new List<(DiffType, string, string)>();
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var inLeft = left.TryGetValue(key, out var l);
            var inRight = right.TryGetValue(key, out var r);
            if (!inRight)
            {
                result.Add((DiffType.Removed, key, l!));
            }
            else if (!inLeft)
            {
                result.Add((DiffType.Added, key, r!));
            }
            else if (l != r)
            {
                result.Add((DiffType.Changed, key, r!));
            }
        }

        return result;
    }

    private static (List<(DiffType, string, string)> Compare, Func<MergeStrategy, SortedDictionary<string, string>> Merged, List<string> Conflicts) ModelMerge(
        SortedDictionary<string, string> baseTree, SortedDictionary<string, string> source, SortedDictionary<string, string> dest)
    {
        var compare = new List<(DiffType, string, string)>();
        var conflicts = new List<string>();
        var resolved = new Dictionary<MergeStrategy, SortedDictionary<string, string>>
        {
            [MergeStrategy.None] = new(StringComparer.Ordinal),
            [MergeStrategy.Source] = new(StringComparer.Ordinal),
            [MergeStrategy.Dest] = new(StringComparer.Ordinal),
        };
        foreach (var key in baseTree.Keys.Union(source.Keys).Union(dest.Keys).Order(StringComparer.Ordinal))
        {
            var b = baseTree.GetValueOrDefault(key);
            var s = source.GetValueOrDefault(key);
            var d = dest.GetValueOrDefault(key);
            string? result;
            var conflict = false;
            if (s == d)
            {
                result = s;
            }
            else if (b == s)
            {
                result = d;
            }
            else if (b == d)
            {
                result = s;
            }
            else
            {
                conflict = true;
                result = null;
            }

            // Three-dot classification: what merging would change on the destination.
            if (conflict)
            {
                conflicts.Add(key);
                compare.Add((DiffType.Conflict, key, s ?? d!));
            }
            else if (result != d)
            {
                compare.Add((result is null ? DiffType.Removed : d is null ? DiffType.Added : DiffType.Changed, key, result ?? d!));
            }

            foreach (var (strategy, tree) in resolved)
            {
                var value = conflict ? (strategy == MergeStrategy.Source ? s : d) : result;
                if (value is not null)
                {
                    tree[key] = value;
                }
            }
        }

        return (compare, strategy => resolved[strategy], conflicts);
    }
}
