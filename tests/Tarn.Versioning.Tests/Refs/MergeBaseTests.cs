namespace Tarn.Versioning.Tests.Refs;

public sealed class MergeBaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Diverged_branches_meet_at_the_fork()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        var root = await bed.CommitAsync(repository, "root", 0);
        var fork = await bed.CommitAsync(repository, "fork", 1, root);
        var left = await bed.CommitAsync(repository, "l1", 2, fork);
        left = await bed.CommitAsync(repository, "l2", 3, left);
        var right = await bed.CommitAsync(repository, "r1", 4, fork);

        Assert.Equal(fork.Id, (await bed.MergeBase.FindAsync(repository, left.Id, right.Id, Ct))?.Id);
        Assert.Equal(fork.Id, (await bed.MergeBase.FindAsync(repository, right.Id, left.Id, Ct))?.Id);
    }

    [Fact]
    public async Task Ancestor_is_its_own_merge_base_fast_forward()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        var root = await bed.CommitAsync(repository, "root", 0);
        var a = await bed.CommitAsync(repository, "a", 1, root);
        var b = await bed.CommitAsync(repository, "b", 2, a);
        var c = await bed.CommitAsync(repository, "c", 3, b);

        Assert.Equal(a.Id, (await bed.MergeBase.FindAsync(repository, a.Id, c.Id, Ct))?.Id);
        Assert.Equal(a.Id, (await bed.MergeBase.FindAsync(repository, c.Id, a.Id, Ct))?.Id);
        Assert.Equal(c.Id, (await bed.MergeBase.FindAsync(repository, c.Id, c.Id, Ct))?.Id);
    }

    [Fact]
    public async Task After_a_merge_the_base_is_the_merged_source()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        var root = await bed.CommitAsync(repository, "root", 0);
        var feature = await bed.CommitAsync(repository, "f1", 1, root);
        var main = await bed.CommitAsync(repository, "m1", 2, root);
        var merged = await bed.CommitAsync(repository, "merge", 3, main, feature);
        var feature2 = await bed.CommitAsync(repository, "f2", 4, feature);
        var main2 = await bed.CommitAsync(repository, "m2", 5, merged);

        Assert.Equal(feature.Id, (await bed.MergeBase.FindAsync(repository, feature2.Id, main2.Id, Ct))?.Id);
    }

    [Fact]
    public async Task Criss_cross_returns_one_of_the_best_common_ancestors()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        var root = await bed.CommitAsync(repository, "root", 0);
        var a = await bed.CommitAsync(repository, "a", 1, root);
        var b = await bed.CommitAsync(repository, "b", 2, root);
        // Each side merges the other: both a and b are best common ancestors of x and y.
        var x = await bed.CommitAsync(repository, "x", 3, a, b);
        var y = await bed.CommitAsync(repository, "y", 4, b, a);

        var found = await bed.MergeBase.FindAsync(repository, x.Id, y.Id, Ct);
        Assert.NotNull(found);
        Assert.Contains(found.Id, new[] { a.Id, b.Id });
        Assert.NotEqual(root.Id, found.Id);
    }

    [Fact]
    public async Task Unrelated_histories_have_no_merge_base()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        var one = await bed.CommitAsync(repository, "one", 0);
        var two = await bed.CommitAsync(repository, "two", 1);
        var oneChild = await bed.CommitAsync(repository, "one-child", 2, one);

        Assert.Null(await bed.MergeBase.FindAsync(repository, oneChild.Id, two.Id, Ct));
    }
}
