using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>
/// The diff skips byte-identical blocks inside ranges that differ: big ranges (a large split modulus) of
/// small blocks, random same-size value changes, inserts and deletes; the result must equal a naive
/// comparison of the two key sets.
/// </summary>
public sealed class BlockSkippingDiffTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Diff_of_big_ranges_with_scattered_changes_matches_a_naive_comparison(int seed)
    {
        var random = new Random(seed);
        var manager = new CommittedManager(new MemoryBlockAdapter(), new CommittedManagerOptions { SplitModulus = 4096, BlockSizeBytes = 256 });
        var left = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        for (var i = 0; i < 6000; i += 2)
        {
            left[Key(i)] = V($"v{i:D6}");
        }

        var right = new SortedDictionary<string, Value>(left, StringComparer.Ordinal);
        for (var n = 0; n < 40; n++)
        {
            var i = random.Next(0, 6000);
            switch (random.Next(3))
            {
                case 0: // same-size change: blocks after it stay aligned and can be skipped
                    if (right.ContainsKey(Key(i - (i % 2))))
                    {
                        right[Key(i - (i % 2))] = V($"w{i:D6}");
                    }

                    break;
                case 1:
                    right[Key(i | 1)] = V($"n{i:D6}");
                    break;
                default:
                    right.Remove(Key(i - (i % 2)));
                    break;
            }
        }

        var leftTree = await CreateAsync(manager, left);
        var rightTree = await CreateAsync(manager, right);
        var expected = new List<(DiffType, string, string)>();
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var inLeft = left.TryGetValue(key, out var l);
            var inRight = right.TryGetValue(key, out var r);
            if (!inLeft)
            {
                expected.Add((DiffType.Added, key, ContentOf(r!)));
            }
            else if (!inRight)
            {
                expected.Add((DiffType.Removed, key, ContentOf(l!)));
            }
            else if (!l!.Identity.AsSpan().SequenceEqual(r!.Identity))
            {
                expected.Add((DiffType.Changed, key, ContentOf(r)));
            }
        }

        Assert.Equal(expected, await ReadAllAsync(await manager.DiffAsync(Namespace, leftTree, rightTree, _ct)));
        var reversed = expected.Select(e => e.Item1 switch
        {
            DiffType.Added => (DiffType.Removed, e.Item2, e.Item3),
            DiffType.Removed => (DiffType.Added, e.Item2, e.Item3),
            _ => (DiffType.Changed, e.Item2, ContentOf(left[e.Item2])),
        }).ToList();
        Assert.Equal(reversed, await ReadAllAsync(await manager.DiffAsync(Namespace, rightTree, leftTree, _ct)));
    }
}
