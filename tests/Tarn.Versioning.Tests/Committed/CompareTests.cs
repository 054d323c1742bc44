using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

public sealed class CompareTests
{
    private readonly CommittedManager _manager = new(new MemoryBlockAdapter(), SmallRanges());
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_of_the_three_dot_table()
    {
        // One key per row of docs/diff.md, "Three-dot diff"; "-" = absent.
        (string Key, string? Dest, string? Source, string? Base, DiffType? Expected)[] rows =
        [
            ("01", null, "R", null, DiffType.Added),
            ("02", null, "R", "R", null),
            ("03", null, "R", "B", DiffType.Conflict),
            ("04", "L", "R", null, DiffType.Conflict),
            ("05", "L", "R", "R", null),
            ("06", "L", "R", "L", DiffType.Changed),
            ("07", "L", "R", "B", DiffType.Conflict),
            ("08", "L", null, null, null),
            ("09", "L", null, "L", DiffType.Removed),
            ("10", "L", null, "B", DiffType.Conflict),
            ("11", "S", "S", null, null),
            ("12", "S", "S", "B", null),
        ];
        var destination = await CreateAsync(_manager, [.. rows.Where(r => r.Dest is not null).Select(r => (r.Key, r.Dest!))]);
        var source = await CreateAsync(_manager, [.. rows.Where(r => r.Source is not null).Select(r => (r.Key, r.Source!))]);
        var mergeBase = await CreateAsync(_manager, [.. rows.Where(r => r.Base is not null).Select(r => (r.Key, r.Base!))]);

        var result = await ReadAllAsync(await _manager.CompareAsync(Namespace, destination, source, mergeBase, _ct));

        var expected = rows.Where(r => r.Expected is not null).Select(r => (r.Expected!.Value, r.Key, r.Source ?? r.Dest!)).ToList();
        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task The_lakefs_system_test_example()
    {
        var main = await CreateAsync(_manager, ("file0", "0"), ("file1", "1"), ("file2", "2"), ("file3", "3"), ("file4", "4"));
        var (branch1, _) = await _manager.ApplyAsync(Namespace, main, Changes(("file0", V("changed")), ("file1", null), ("fileX", V("x"))), new ApplyOptions(), _ct);

        var diff = await ReadAllAsync(await _manager.CompareAsync(Namespace, main, branch1, main, _ct));
        Assert.Equal([(DiffType.Changed, "file0", "changed"), (DiffType.Removed, "file1", "1"), (DiffType.Added, "fileX", "x")], diff);

        // After merging, both directions are empty.
        var merged = await _manager.MergeAsync(Namespace, main, branch1, main, MergeStrategy.None, _ct);
        Assert.Empty(await ReadAllAsync(await _manager.CompareAsync(Namespace, merged, branch1, branch1, _ct)));
        Assert.Empty(await ReadAllAsync(await _manager.CompareAsync(Namespace, branch1, merged, branch1, _ct)));
    }

    [Fact]
    public async Task Whole_ranges_are_dropped_by_the_table_without_reading_them()
    {
        var adapter = new CountingBlockAdapter(new MemoryBlockAdapter());
        var writer = new CommittedManager(adapter, SmallRanges());
        var all = Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create(Key(i), V("1"))).ToList();
        var mergeBase = await CreateAsync(writer, all);
        // The destination deleted the first half; the source did not touch it but changed one key at the end.
        var destination = await CreateAsync(writer, all.Skip(1000));
        var (source, _) = await writer.ApplyAsync(Namespace, mergeBase, Changes((Key(1999), V("2"))), new ApplyOptions(), _ct);

        adapter.Reads.Clear();
        var reader = new CommittedManager(adapter, SmallRanges());
        var diff = await ReadAllAsync(await reader.CompareAsync(Namespace, destination, source, mergeBase, _ct));

        Assert.Equal([(DiffType.Changed, Key(1999), "2")], diff);
        var sourceRanges = await writer.GetRangesAsync(Namespace, source, _ct);
        var firstHalf = sourceRanges.Where(r => S(r.MaxKey).CompareTo(Key(950)) < 0).ToList();
        Assert.NotEmpty(firstHalf);
        Assert.All(firstHalf, r => Assert.False(adapter.WasRead(r.Id.Value)));
    }
}
