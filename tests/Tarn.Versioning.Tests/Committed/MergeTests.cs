using Tarn.Blocks.Memory;
using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

public sealed class MergeTests
{
    private readonly CommittedManager _manager = new(new MemoryBlockAdapter(), SmallRanges());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    // One key per row of docs/merge.md, "Merge rules per key" (base, source, dest → result); "C" marks a conflict.
    private static readonly (string Key, string? Base, string? Source, string? Dest, string? Result)[] Rows =
    [
        ("01", "A", "A", "A", "A"),
        ("02", "A", "B", "B", "B"),
        ("03", "A", "B", "C", "C!"),
        ("04", "A", "A", "B", "B"),
        ("05", "A", "B", "A", "B"),
        ("06", "A", null, null, null),
        ("07", "A", "B", null, "C!"),
        ("08", "A", null, "B", "C!"),
        ("09", "A", "A", null, null),
        ("10", "A", null, "A", null),
        ("11", null, "B", null, "B"),
        ("12", null, null, "C", "C"),
        ("13", null, "B", "B", "B"),
        ("14", null, "B", "C", "C!"),
    ];

    private async Task<(MetaRangeId Dest, MetaRangeId Source, MetaRangeId Base)> TreesAsync(IEnumerable<(string Key, string? Base, string? Source, string? Dest, string? Result)> rows)
    {
        var list = rows.ToList();
        return (
            await CreateAsync(_manager, [.. list.Where(r => r.Dest is not null).Select(r => (r.Key, r.Dest!))]),
            await CreateAsync(_manager, [.. list.Where(r => r.Source is not null).Select(r => (r.Key, r.Source!))]),
            await CreateAsync(_manager, [.. list.Where(r => r.Base is not null).Select(r => (r.Key, r.Base!))]));
    }

    [Fact]
    public async Task Non_conflicting_rows_merge_by_the_table()
    {
        var (dest, source, mergeBase) = await TreesAsync(Rows.Where(r => r.Result?.EndsWith('!') != true));
        var merged = await _manager.MergeAsync(Namespace, dest, source, mergeBase, MergeStrategy.None, _ct);
        var expected = Rows.Where(r => r.Result is not null && !r.Result.EndsWith('!')).Select(r => (r.Key, r.Result!)).ToList();
        Assert.Equal(expected, await ReadAllAsync(_manager, merged));
    }

    [Fact]
    public async Task Conflicts_fail_with_the_conflicting_keys()
    {
        var (dest, source, mergeBase) = await TreesAsync(Rows);
        var error = await Assert.ThrowsAsync<MergeConflictException>(() => _manager.MergeAsync(Namespace, dest, source, mergeBase, MergeStrategy.None, _ct));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("conflict found", error.Message);
        Assert.Equal(["03", "07", "08", "14"], error.ConflictingKeys.Select(S));
    }

    [Theory]
    [InlineData(MergeStrategy.Source)]
    [InlineData(MergeStrategy.Dest)]
    public async Task Strategies_resolve_every_conflict(MergeStrategy strategy)
    {
        var (dest, source, mergeBase) = await TreesAsync(Rows);
        var merged = await _manager.MergeAsync(Namespace, dest, source, mergeBase, strategy, _ct);
        var expected = Rows
            .Select(r => (r.Key, Value: r.Result?.EndsWith('!') == true ? (strategy == MergeStrategy.Source ? r.Source : r.Dest) : r.Result))
            .Where(r => r.Value is not null)
            .Select(r => (r.Key, r.Value!))
            .ToList();
        Assert.Equal(expected, await ReadAllAsync(_manager, merged));
    }

    [Fact]
    public async Task Kept_entries_follow_the_side_that_changed()
    {
        var mergeBase = await CreateAsync(_manager, [KeyValuePair.Create("a", V("A", "base")), KeyValuePair.Create("b", V("A", "base")), KeyValuePair.Create("c", V("A", "base"))]);
        var source = await CreateAsync(_manager, [KeyValuePair.Create("a", V("A", "src")), KeyValuePair.Create("b", V("B", "src")), KeyValuePair.Create("c", V("A", "src"))]);
        var dest = await CreateAsync(_manager, [KeyValuePair.Create("a", V("B", "dst")), KeyValuePair.Create("b", V("A", "dst")), KeyValuePair.Create("c", V("A", "dst"))]);
        var merged = await _manager.MergeAsync(Namespace, dest, source, mergeBase, MergeStrategy.None, _ct);
        Assert.Equal(V("B", "dst").Data, (await _manager.GetAsync(Namespace, merged, K("a"), _ct))!.Data);
        Assert.Equal(V("B", "src").Data, (await _manager.GetAsync(Namespace, merged, K("b"), _ct))!.Data);
        Assert.Equal(V("A", "src").Data, (await _manager.GetAsync(Namespace, merged, K("c"), _ct))!.Data);
    }

    [Fact]
    public async Task Shortcuts_for_unchanged_source_and_unchanged_destination()
    {
        var mergeBase = await CreateAsync(_manager, ("a", "1"));
        var (other, _) = await _manager.ApplyAsync(Namespace, mergeBase, Changes(("b", V("2"))), new ApplyOptions(), _ct);

        var noChanges = await Assert.ThrowsAsync<TarnException>(() => _manager.MergeAsync(Namespace, other, mergeBase, mergeBase, MergeStrategy.None, _ct));
        Assert.Equal(ErrorKind.InvalidArgument, noChanges.Kind);
        Assert.Equal("no changes", noChanges.Message);

        Assert.Equal(other, await _manager.MergeAsync(Namespace, mergeBase, other, mergeBase, MergeStrategy.None, _ct));
        Assert.Equal(other, await _manager.MergeAsync(Namespace, MetaRangeId.Empty, other, MetaRangeId.Empty, MergeStrategy.None, _ct));
    }

    [Fact]
    public async Task Merging_a_thousand_changes_reads_only_the_touched_ranges()
    {
        var adapter = new CountingBlockAdapter(new MemoryBlockAdapter());
        var writer = new CommittedManager(adapter, SmallRanges(64));
        var mergeBase = await CreateAsync(writer, Enumerable.Range(0, 20_000).Select(i => KeyValuePair.Create(Key(i * 10), V("1"))));
        var (source, _) = await writer.ApplyAsync(Namespace, mergeBase, Changes(Enumerable.Range(0, 1000).Select(i => KeyValuePair.Create(Key(150_000 + i), (Value?)V("s")))), new ApplyOptions(), _ct);
        var (dest, _) = await writer.ApplyAsync(Namespace, mergeBase, Changes((Key(10), null), (Key(199_990), V("d"))), new ApplyOptions(), _ct);

        adapter.Reads.Clear();
        var reader = new CommittedManager(adapter, SmallRanges(64));
        var merged = await reader.MergeAsync(Namespace, dest, source, mergeBase, MergeStrategy.None, _ct);

        var baseRangeCount = (await writer.GetRangesAsync(Namespace, mergeBase, _ct)).Count;
        Assert.True(baseRangeCount > 200);
        Assert.True(adapter.TotalReads < 20, $"{adapter.TotalReads} reads");
        var expected = await ReadAllAsync(writer, source);
        expected.RemoveAll(r => r.Key == Key(10));
        expected[expected.FindIndex(r => r.Key == Key(199_990))] = (Key(199_990), "d");
        Assert.Equal(expected, await ReadAllAsync(writer, merged));
    }
}
