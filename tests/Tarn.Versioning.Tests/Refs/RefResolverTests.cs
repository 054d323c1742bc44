using Tarn.Core;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class RefResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Branch_views_and_commit_kinds()
    {
        await using var bed = new RefTestBed();
        var (repository, commits) = await GraphAsync(bed);

        var plain = await bed.Resolver.ResolveAsync(repository, "main", Ct);
        Assert.Equal((ResolvedRefKind.Branch, "main", commits["merge"].Id), (plain.Kind, plain.BranchId, plain.CommitId));
        Assert.True(plain.IncludesStaging);
        var committed = await bed.Resolver.ResolveAsync(repository, "main@", Ct);
        Assert.Equal(ResolvedRefKind.BranchCommittedOnly, committed.Kind);
        Assert.False(committed.IncludesStaging);
        Assert.Equal(ResolvedRefKind.BranchWithStaging, (await bed.Resolver.ResolveAsync(repository, "main$", Ct)).Kind);

        var byTag = await bed.Resolver.ResolveAsync(repository, "v1", Ct);
        Assert.Equal((ResolvedRefKind.Commit, (string?)null, commits["a1"].Id), (byTag.Kind, byTag.BranchId, byTag.CommitId));
        var byId = await bed.Resolver.ResolveAsync(repository, commits["b1"].Id.Value, Ct);
        Assert.Equal(commits["b1"].Id, byId.CommitId);
    }

    [Fact]
    public async Task Modifiers_walk_the_graph()
    {
        await using var bed = new RefTestBed();
        var (repository, c) = await GraphAsync(bed);

        Assert.Equal(c["a1"].Id, (await bed.Resolver.ResolveAsync(repository, "main~1", Ct)).CommitId);
        Assert.Equal(c["a1"].Id, (await bed.Resolver.ResolveAsync(repository, "main~", Ct)).CommitId);
        Assert.Equal(c["b1"].Id, (await bed.Resolver.ResolveAsync(repository, "main^2", Ct)).CommitId);
        Assert.Equal(c["root"].Id, (await bed.Resolver.ResolveAsync(repository, "main^2~1", Ct)).CommitId);
        Assert.Equal(c["root"].Id, (await bed.Resolver.ResolveAsync(repository, "main~2", Ct)).CommitId);
        var self = await bed.Resolver.ResolveAsync(repository, "main~0", Ct);
        Assert.Equal((ResolvedRefKind.Commit, c["merge"].Id), (self.Kind, self.CommitId));
        Assert.Equal(c["merge"].Id, (await bed.Resolver.ResolveAsync(repository, "main^0", Ct)).CommitId);

        var pastRoot = await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, "main~3", Ct));
        Assert.Equal((ErrorKind.NotFound, "not found"), (pastRoot.Kind, pastRoot.Message));
        var noSuchParent = await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, "main^3", Ct));
        Assert.Equal(ErrorKind.InvalidArgument, noSuchParent.Kind);
    }

    [Fact]
    public async Task At_and_dollar_need_a_branch_and_dollar_is_not_a_commit()
    {
        await using var bed = new RefTestBed();
        var (repository, c) = await GraphAsync(bed);

        Assert.Equal(ErrorKind.InvalidArgument, (await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, "v1@", Ct))).Kind);
        Assert.Equal(ErrorKind.InvalidArgument, (await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, c["a1"].Id.Value + "$", Ct))).Kind);
        var dollar = await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveCommitAsync(repository, "main$", Ct));
        Assert.Equal("reference to staging area with $ is not a commit", dollar.Message);
        Assert.Equal(c["merge"].Id, (await bed.Resolver.ResolveCommitAsync(repository, "main@", Ct)).Id);
    }

    [Fact]
    public async Task Resolution_order_and_prefixes()
    {
        await using var bed = new RefTestBed();
        var (repository, c) = await GraphAsync(bed);
        var target = c["a1"].Id.Value;

        // A unique prefix resolves to its commit…
        Assert.Equal(c["a1"].Id, (await bed.Resolver.ResolveAsync(repository, target[..12], Ct)).CommitId);
        // …but a branch of that name wins over the prefix.
        await bed.Refs.CreateBranchAsync(repository, target[..12], c["b1"].Id, Ct);
        var branch = await bed.Resolver.ResolveAsync(repository, target[..12], Ct);
        Assert.Equal((ResolvedRefKind.Branch, c["b1"].Id), (branch.Kind, branch.CommitId));

        // Upper-case hex never matches the stored lower-case IDs.
        await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, target[..10].ToUpperInvariant(), Ct));
        await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, "nothing", Ct));
    }

    [Fact]
    public async Task Ambiguous_prefix_is_not_found()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        // Find two commits whose IDs share the first hex digit (among 17 there is always a pair).
        var commits = new List<CommitRecord>();
        for (var i = 0; i < 17; i++)
        {
            commits.Add(await bed.CommitAsync(repository, $"c{i}", i));
        }

        var shared = commits.GroupBy(x => x.Id.Value[0]).First(g => g.Count() > 1).Key.ToString();
        var error = await Assert.ThrowsAsync<TarnException>(async () => await bed.Resolver.ResolveAsync(repository, shared, Ct));
        Assert.Equal((ErrorKind.NotFound, "not found"), (error.Kind, error.Message));
    }

    /// <summary>root ← a1 ← merge(a1, b1); root ← b1; branch main at merge, tag v1 at a1.</summary>
    private static async Task<(RepositoryRecord, Dictionary<string, CommitRecord>)> GraphAsync(RefTestBed bed)
    {
        var repository = await bed.NewRepositoryAsync(bare: true);
        var root = await bed.CommitAsync(repository, "root", 0);
        var a1 = await bed.CommitAsync(repository, "a1", 10, root);
        var b1 = await bed.CommitAsync(repository, "b1", 20, root);
        var merge = await bed.CommitAsync(repository, "merge", 30, a1, b1);
        await bed.Refs.CreateBranchAsync(repository, "main", merge.Id, Ct);
        await bed.Refs.CreateTagAsync(repository, "v1", a1.Id, Ct);
        return (repository, new() { ["root"] = root, ["a1"] = a1, ["b1"] = b1, ["merge"] = merge });
    }
}
