using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>
/// Applying changes that touch most ranges: ranges are hashed and stored on other threads, base ranges
/// the cache lacks are read without being cached, and new ranges are cached only within a budget. None of
/// that may change what is written.
/// </summary>
public sealed class LargeRewriteTests
{
    private const int Records = 6_000;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static IEnumerable<KeyValuePair<string, Value>> BaseRecords() =>
        Enumerable.Range(0, Records).Select(i => KeyValuePair.Create(Key(i), V($"v{i}")));

    // Every 7th record changes, every 11th is deleted, every 13th gets a new neighbour: every range is touched.
    private static List<KeyValuePair<string, Value?>> SpreadChangeList()
    {
        var changes = new List<KeyValuePair<string, Value?>>();
        for (var i = 0; i < Records; i++)
        {
            if (i % 11 == 0)
            {
                changes.Add(KeyValuePair.Create<string, Value?>(Key(i), null));
            }
            else if (i % 7 == 0)
            {
                changes.Add(KeyValuePair.Create<string, Value?>(Key(i), V($"changed{i}")));
            }

            if (i % 13 == 0)
            {
                changes.Add(KeyValuePair.Create<string, Value?>(Key(i) + "+", V($"added{i}")));
            }
        }

        return changes;
    }

    private static ListIterator SpreadChanges() => Changes(SpreadChangeList());

    private static CommittedManagerOptions Options(long cacheBytes) => SmallRanges(modulus: 64) with { CacheBytes = cacheBytes };

    [Fact]
    public async Task The_tree_does_not_depend_on_the_cache_size()
    {
        var roomy = new CommittedManager(new MemoryBlockAdapter(), Options(cacheBytes: 64L * 1024 * 1024));
        var tiny = new CommittedManager(new MemoryBlockAdapter(), Options(cacheBytes: 4 * 1024));

        var roomyBase = await CreateAsync(roomy, BaseRecords());
        var tinyBase = await CreateAsync(tiny, BaseRecords());
        Assert.Equal(roomyBase, tinyBase);

        var roomyResult = await roomy.ApplyAsync(Namespace, roomyBase, SpreadChanges(), new ApplyOptions(), _ct);
        var tinyResult = await tiny.ApplyAsync(Namespace, tinyBase, SpreadChanges(), new ApplyOptions(), _ct);

        Assert.Equal(roomyResult, tinyResult);
        var expected = BaseRecords().ToDictionary(r => r.Key, r => ContentOf(r.Value));
        foreach (var (key, value) in SpreadChangeList())
        {
            if (value is null)
            {
                expected.Remove(key);
            }
            else
            {
                expected[key] = ContentOf(value);
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)), await ReadAllAsync(tiny, tinyResult.MetaRangeId));
    }

    [Fact]
    public async Task A_large_rewrite_neither_caches_the_base_ranges_it_reads_nor_more_new_ranges_than_its_budget()
    {
        const long cacheBytes = 256 * 1024;
        var adapter = new CountingBlockAdapter(new MemoryBlockAdapter());
        var manager = new CommittedManager(adapter, Options(cacheBytes));
        var baseId = await CreateAsync(manager, BaseRecords());
        var baseRanges = await manager.GetRangesAsync(Namespace, baseId, _ct);
        Assert.True(baseRanges.Count > 50, $"{baseRanges.Count} ranges are too few for this test");

        var result = await manager.ApplyAsync(Namespace, baseId, SpreadChanges(), new ApplyOptions(), _ct);

        // Each base range the cache lacked was read exactly once. Both trees' ranges would fill the cache, but
        // each writer cached only its budget (an eighth of the cache), and the base ranges read were not cached.
        var uncached = baseRanges.Where(range => adapter.WasRead(range.Id.Value)).ToList();
        Assert.NotEmpty(uncached);
        Assert.All(uncached, range => Assert.Equal(1, adapter.Reads["_lakefs/" + range.Id.Value]));
        var newRanges = await manager.GetRangesAsync(Namespace, result.MetaRangeId, _ct);
        Assert.True(baseRanges.Concat(newRanges).Sum(range => range.EstimatedSize) > cacheBytes, "the trees are too small for this test");
        Assert.InRange(manager.CachedBytes, 1, cacheBytes / 2);
        Assert.NotEqual(baseId, result.MetaRangeId);
    }
}
