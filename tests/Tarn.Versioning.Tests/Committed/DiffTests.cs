using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

public sealed class DiffTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_dot_diff_reports_added_removed_and_changed_in_key_order()
    {
        var manager = new CommittedManager(new MemoryBlockAdapter(), SmallRanges());
        var left = await CreateAsync(manager, ("a", "1"), ("b", "1"), ("c", "1"), ("d", "1"));
        var right = await CreateAsync(manager, ("b", "2"), ("c", "1"), ("d", "1"), ("e", "1"));

        var diff = await ReadAllAsync(await manager.DiffAsync(Namespace, left, right, _ct));
        Assert.Equal([(DiffType.Removed, "a", "1"), (DiffType.Changed, "b", "2"), (DiffType.Added, "e", "1")], diff);

        await using var iterator = await manager.DiffAsync(Namespace, left, right, _ct);
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Null(iterator.Current.LeftIdentity);
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(V("1").Identity, iterator.Current.LeftIdentity);
    }

    [Fact]
    public async Task Diff_with_the_empty_tree_lists_everything()
    {
        var manager = new CommittedManager(new MemoryBlockAdapter(), SmallRanges());
        var tree = await CreateAsync(manager, ("a", "1"), ("b", "1"));
        Assert.Equal([(DiffType.Added, "a", "1"), (DiffType.Added, "b", "1")], await ReadAllAsync(await manager.DiffAsync(Namespace, MetaRangeId.Empty, tree, _ct)));
        Assert.Equal([(DiffType.Removed, "a", "1"), (DiffType.Removed, "b", "1")], await ReadAllAsync(await manager.DiffAsync(Namespace, tree, MetaRangeId.Empty, _ct)));
        Assert.Empty(await ReadAllAsync(await manager.DiffAsync(Namespace, tree, tree, _ct)));
    }

    [Fact]
    public async Task Identical_ranges_are_skipped_without_being_read()
    {
        var adapter = new CountingBlockAdapter(new MemoryBlockAdapter());
        var writer = new CommittedManager(adapter, SmallRanges());
        var left = await CreateAsync(writer, Enumerable.Range(0, 3000).Select(i => KeyValuePair.Create(Key(i), V("1"))));
        var (right, _) = await writer.ApplyAsync(Namespace, left, Changes((Key(1500), V("2")), (Key(2700), null)), new ApplyOptions(), _ct);
        var leftRanges = await writer.GetRangesAsync(Namespace, left, _ct);
        var rightRanges = await writer.GetRangesAsync(Namespace, right, _ct);
        var shared = leftRanges.Select(r => r.Id).Intersect(rightRanges.Select(r => r.Id)).ToList();
        Assert.True(shared.Count > 100);

        // A fresh manager has a cold cache, so every file it needs is read from the adapter.
        adapter.Reads.Clear();
        var reader = new CommittedManager(adapter, SmallRanges());
        var diff = await ReadAllAsync(await reader.DiffAsync(Namespace, left, right, _ct));

        Assert.Equal([(DiffType.Changed, Key(1500), "2"), (DiffType.Removed, Key(2700), "1")], diff);
        Assert.All(shared, id => Assert.False(adapter.WasRead(id.Value)));
        Assert.InRange(adapter.TotalReads, 2, 2 + 4);
    }

    [Fact]
    public async Task Diff_seeks_to_a_key()
    {
        var manager = new CommittedManager(new MemoryBlockAdapter(), SmallRanges());
        var left = await CreateAsync(manager, Enumerable.Range(0, 300).Select(i => KeyValuePair.Create(Key(i), V("1"))));
        var right = await CreateAsync(manager, Enumerable.Range(0, 300).Select(i => KeyValuePair.Create(Key(i), V(i % 10 == 0 ? "2" : "1"))));

        await using var iterator = await manager.DiffAsync(Namespace, left, right, _ct);
        iterator.SeekGE(K(Key(101)));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(Key(110), S(iterator.Current.Key));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(Key(120), S(iterator.Current.Key));
        iterator.SeekGE(K(Key(290)));
        Assert.True(await iterator.MoveNextAsync(_ct));
        Assert.Equal(Key(290), S(iterator.Current.Key));
        Assert.False(await iterator.MoveNextAsync(_ct));
    }
}
