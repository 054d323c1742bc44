using Tarn.Catalog.Diffs;
using Tarn.Versioning.Committed;

namespace Tarn.Catalog.Tests.Diffs;

public sealed class DelimitedDiffListerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_types_and_sizes_and_zero_for_uncommitted_removals()
    {
        var page = await DelimitedDiffLister.ListAsync(
            new SortedDiffs(("a", DiffType.Added, 3), ("r", DiffType.Removed, 9), ("c", DiffType.Changed, 4)), "", "", "", 10, true, Ct);

        Assert.Equal(["a Added 3", "c Changed 4", "r Removed 0"], page.Items.Select(i => $"{i.Path} {i.Type} {i.SizeBytes}"));
        Assert.False(page.HasMore);

        var refs = await DelimitedDiffLister.ListAsync(new SortedDiffs(("r", DiffType.Removed, 9)), "", "", "", 10, false, Ct);
        Assert.Equal(9, Assert.Single(refs.Items).SizeBytes);
    }

    [Fact]
    public async Task Folds_common_prefixes_reading_one_record_per_prefix()
    {
        var diffs = new SortedDiffs(("d/1", DiffType.Added, 1), ("d/2", DiffType.Added, 1), ("d/3", DiffType.Added, 1), ("e", DiffType.Conflict, 2));

        var page = await DelimitedDiffLister.ListAsync(diffs, "", "/", "", 10, false, Ct);

        Assert.Equal(["d/ True", "e False"], page.Items.Select(i => $"{i.Path} {i.IsCommonPrefix}"));
        Assert.Equal(2, diffs.Reads);
    }

    [Fact]
    public async Task Pages_resume_strictly_after_an_object_named_like_a_prefix()
    {
        (string, DiffType, long)[] records = [("b", DiffType.Added, 1), ("b.txt", DiffType.Added, 1), ("b/x", DiffType.Added, 1), ("c", DiffType.Added, 1)];

        var first = await DelimitedDiffLister.ListAsync(new SortedDiffs(records), "", "/", "", 1, false, Ct);
        var second = await DelimitedDiffLister.ListAsync(new SortedDiffs(records), "", "/", "b", 2, false, Ct);
        var third = await DelimitedDiffLister.ListAsync(new SortedDiffs(records), "", "/", "b/", 2, false, Ct);

        Assert.Equal(["b"], first.Items.Select(i => i.Path));
        Assert.True(first.HasMore);
        Assert.Equal(["b.txt", "b/"], second.Items.Select(i => i.Path));
        Assert.True(second.HasMore);
        Assert.Equal(["c"], third.Items.Select(i => i.Path));
        Assert.False(third.HasMore);
    }

    [Fact]
    public async Task Prefix_limits_the_listing_and_delimiter_applies_below_it()
    {
        (string, DiffType, long)[] records = [("a", DiffType.Added, 1), ("p/q/1", DiffType.Added, 1), ("p/r", DiffType.Removed, 5), ("z", DiffType.Added, 1)];

        var page = await DelimitedDiffLister.ListAsync(new SortedDiffs(records), "p/", "/", "", 10, false, Ct);

        Assert.Equal(["p/q/", "p/r"], page.Items.Select(i => i.Path));
    }
}
