using Tarn.Blocks.Memory;
using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

public sealed class ApplyTests
{
    private readonly CommittedManager _manager = new(new MemoryBlockAdapter(), SmallRanges());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private Task<ApplyResult> ApplyAsync(MetaRangeId baseId, ListIterator changes, bool allowEmpty = false) =>
        _manager.ApplyAsync(Namespace, baseId, changes, new ApplyOptions(allowEmpty), _ct);

    [Fact]
    public async Task Adds_changes_and_deletes_are_applied_and_counted()
    {
        var baseId = await CreateAsync(_manager, ("a", "1"), ("b", "1"), ("c", "1"), ("d", "1"));
        var (id, summary) = await ApplyAsync(baseId, Changes(("a", null), ("b", V("2")), ("bb", V("new")), ("e", V("new"))));

        Assert.Equal(new ApplySummary(Added: 2, Removed: 1, Changed: 1), summary);
        Assert.Equal([("b", "2"), ("bb", "new"), ("c", "1"), ("d", "1"), ("e", "new")], await ReadAllAsync(_manager, id));
        Assert.Equal([("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")], await ReadAllAsync(_manager, baseId));
    }

    [Fact]
    public async Task Identical_values_and_tombstones_of_absent_keys_are_no_changes()
    {
        var baseId = await CreateAsync(_manager, ("a", "1"), ("b", "1"));
        var error = await Assert.ThrowsAsync<TarnException>(() => ApplyAsync(baseId, Changes(("a", V("1", "other address")), ("zz", null))));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("no changes", error.Message);
        await Assert.ThrowsAsync<TarnException>(() => ApplyAsync(baseId, Changes()));
    }

    [Fact]
    public async Task Allow_empty_returns_the_base_tree_unchanged()
    {
        var baseId = await CreateAsync(_manager, ("a", "1"), ("b", "1"));
        var (id, summary) = await ApplyAsync(baseId, Changes(("a", V("1")), ("c", null)), allowEmpty: true);
        Assert.Equal(baseId, id);
        Assert.True(summary.IsEmpty);
    }

    [Fact]
    public async Task Empty_commit_on_the_empty_tree_writes_an_empty_metarange()
    {
        var (id, summary) = await ApplyAsync(MetaRangeId.Empty, Changes(), allowEmpty: true);
        Assert.False(id.IsEmpty);
        Assert.True(summary.IsEmpty);
        Assert.Empty(await _manager.GetRangesAsync(Namespace, id, _ct));
        Assert.Empty(await ReadAllAsync(_manager, id));
        await Assert.ThrowsAsync<TarnException>(() => ApplyAsync(MetaRangeId.Empty, Changes(("x", null))));
    }

    [Fact]
    public async Task Deleting_everything_leaves_an_empty_tree()
    {
        var baseId = await CreateAsync(_manager, ("a", "1"), ("b", "1"));
        var (id, summary) = await ApplyAsync(baseId, Changes(("a", null), ("b", null)));
        Assert.Equal(2, summary.Removed);
        Assert.Empty(await ReadAllAsync(_manager, id));
    }

    [Fact]
    public async Task Equal_identity_keeps_the_base_record_including_its_data()
    {
        var baseId = await CreateAsync(_manager, [KeyValuePair.Create("a", V("1", "old address")), KeyValuePair.Create("b", V("1"))]);
        var (id, _) = await ApplyAsync(baseId, Changes(("a", V("1", "new address")), ("b", V("2"))));
        var value = await _manager.GetAsync(Namespace, id, K("a"), _ct);
        Assert.Equal(V("1", "old address").Data, value!.Data);
    }

    [Fact]
    public async Task Unsorted_or_duplicate_changes_are_refused()
    {
        var baseId = await CreateAsync(_manager, ("a", "1"));
        var error = await Assert.ThrowsAsync<TarnException>(() => ApplyAsync(baseId, Changes(("c", V("1")), ("b", V("1")))));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        await Assert.ThrowsAsync<TarnException>(() => ApplyAsync(baseId, Changes(("c", V("1")), ("c", V("2")))));
    }

    [Fact]
    public async Task Get_finds_keys_in_any_range_and_misses_cleanly()
    {
        var id = await CreateAsync(_manager, Enumerable.Range(0, 1000).Select(i => KeyValuePair.Create(Key(i), V($"v{i}"))));
        Assert.True((await _manager.GetRangesAsync(Namespace, id, _ct)).Count > 10);
        for (var i = 0; i < 1000; i += 37)
        {
            Assert.Equal($"v{i}", ContentOf((await _manager.GetAsync(Namespace, id, K(Key(i)), _ct))!));
        }

        Assert.Null(await _manager.GetAsync(Namespace, id, K("key/"), _ct));
        Assert.Null(await _manager.GetAsync(Namespace, id, K("zzz"), _ct));
        Assert.Null(await _manager.GetAsync(Namespace, id, K(Key(5) + "x"), _ct));
        Assert.Null(await _manager.GetAsync(Namespace, MetaRangeId.Empty, K("a"), _ct));
    }

    [Fact]
    public async Task Unknown_and_malformed_metarange_ids_are_reported()
    {
        var missing = await Assert.ThrowsAsync<TarnException>(() => _manager.GetAsync(Namespace, new MetaRangeId(new string('a', 64)), K("a"), _ct));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        var malformed = await Assert.ThrowsAsync<TarnException>(() => _manager.GetAsync(Namespace, new MetaRangeId("../etc/passwd"), K("a"), _ct));
        Assert.Equal(ErrorKind.InvalidArgument, malformed.Kind);

        // A range's ID is not a metarange.
        var id = await CreateAsync(_manager, ("a", "1"));
        var range = (await _manager.GetRangesAsync(Namespace, id, _ct))[0];
        var wrongKind = await Assert.ThrowsAsync<TarnException>(() => _manager.GetRangesAsync(Namespace, new MetaRangeId(range.Id.Value), _ct));
        Assert.Equal(ErrorKind.NotFound, wrongKind.Kind);
    }

    [Fact]
    public async Task Iterator_seeks_and_skips_whole_ranges()
    {
        var id = await CreateAsync(_manager, Enumerable.Range(0, 500).Select(i => KeyValuePair.Create(Key(i), V($"v{i}"))));
        var ranges = await _manager.GetRangesAsync(Namespace, id, _ct);
        await using var iterator = _manager.OpenIterator(Namespace, id);

        iterator.SeekGE(K(Key(250) + "!"));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(Key(251), S(iterator.Current.Key));

        // Skip range by range: each header is the next range of the metarange.
        iterator.SeekGE(K(""));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(ranges[0], iterator.CurrentRange);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.True(await iterator.NextRangeAsync(_ct));
            Assert.Equal(ranges[i].Id, iterator.CurrentRange!.Id);
        }

        Assert.False(await iterator.NextRangeAsync(_ct));
        Assert.Null(iterator.CurrentRange);

        iterator.SeekGE(K(Key(100)));
        Assert.True(await iterator.NextRangeAsync(_ct));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(iterator.CurrentRange!.MinKey, iterator.Current.Key);
        Assert.True(iterator.Current.Key.AsSpan().SequenceCompareTo(K(Key(100))) > 0);

        iterator.SeekGE(K("zzz"));
        Assert.False(await iterator.MoveNextAsync(_ct));
    }

    [Fact]
    public async Task Ranges_follow_the_content_defined_rule()
    {
        var id = await CreateAsync(_manager, Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create(Key(i), V($"v{i}"))));
        var ranges = await _manager.GetRangesAsync(Namespace, id, _ct);
        Assert.Equal(2000, ranges.Sum(r => r.Count));
        foreach (var range in ranges.SkipLast(1))
        {
            Assert.Equal(0ul, SplitPolicy.Fnv1a64(range.MaxKey) % 16);
        }

        // About 2000/16 ranges on average; allow generous randomness.
        Assert.InRange(ranges.Count, 60, 250);
    }

    [Fact]
    public async Task Inserting_one_key_rewrites_one_or_two_ranges_and_reuses_the_rest()
    {
        var records = Enumerable.Range(0, 3000).Select(i => KeyValuePair.Create(Key(i * 2), V($"v{i}"))).ToList();
        var baseId = await CreateAsync(_manager, records);
        var baseRanges = await _manager.GetRangesAsync(Namespace, baseId, _ct);

        // Building the same content again yields the same tree.
        Assert.Equal(baseId, await CreateAsync(_manager, records));

        foreach (var inserted in new[] { 1, 2001, 5999 })
        {
            var (id, _) = await ApplyAsync(baseId, Changes((Key(inserted), V("new"))));
            var ranges = await _manager.GetRangesAsync(Namespace, id, _ct);
            var baseIds = baseRanges.Select(r => r.Id).ToHashSet();
            var newRanges = ranges.Count(r => !baseIds.Contains(r.Id));
            Assert.InRange(newRanges, 1, 2);
            // Appending after a last range that ended on a content boundary starts a new range and drops none.
            Assert.InRange(baseRanges.Count - ranges.Count(r => baseIds.Contains(r.Id)), inserted == 5999 ? 0 : 1, 2);

            // The same tree built from scratch has the same ID: boundaries depend on content only.
            var fromScratch = await CreateAsync(_manager, records.Append(KeyValuePair.Create(Key(inserted), V("new"))));
            Assert.Equal(id, fromScratch);
        }
    }
}
