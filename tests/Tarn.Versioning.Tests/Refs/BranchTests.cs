using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class BranchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Create_get_list_delete(string store)
    {
        await using var bed = new RefTestBed(store);
        var repository = await bed.NewRepositoryAsync();
        var head = (await bed.Refs.GetBranchAsync(repository, "main", Ct)).CommitId;
        foreach (var id in new[] { "b", "a", "c-1", "c_2" })
        {
            var created = await bed.Refs.CreateBranchAsync(repository, id, head, Ct);
            Assert.Equal(created, await bed.Refs.GetBranchAsync(repository, id, Ct));
        }

        var page = await bed.Refs.ListBranchesAsync(repository, new PageRequest(Amount: 3), Ct);
        Assert.Equal(["a", "b", "c-1"], page.Items.Select(b => b.Id));
        Assert.True(page.HasMore);
        var rest = await bed.Refs.ListBranchesAsync(repository, new PageRequest(After: page.NextOffset), Ct);
        Assert.Equal(["c_2", "main"], rest.Items.Select(b => b.Id));
        var prefixed = await bed.Refs.ListBranchesAsync(repository, new PageRequest(Prefix: "c"), Ct);
        Assert.Equal(["c-1", "c_2"], prefixed.Items.Select(b => b.Id));

        var deleted = await bed.Refs.DeleteBranchAsync(repository, "b", Ct);
        Assert.Null(await bed.Refs.TryGetBranchAsync(repository, "b", Ct));
        var marker = await bed.Kv.GetAsync(Tarn.Versioning.Staging.StagingStore.CleanupPartition, System.Text.Encoding.UTF8.GetBytes(deleted.StagingToken.Value), Ct);
        Assert.NotNull(marker);
    }

    [Fact]
    public async Task Errors_use_lakefs_texts()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var head = (await bed.Refs.GetBranchAsync(repository, "main", Ct)).CommitId;

        var exists = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.CreateBranchAsync(repository, "main", head, Ct));
        Assert.Equal((ErrorKind.AlreadyExists, "branch already exists: not unique"), (exists.Kind, exists.Message));
        var missing = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.GetBranchAsync(repository, "nope", Ct));
        Assert.Equal((ErrorKind.NotFound, "branch not found"), (missing.Kind, missing.Message));
        await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.DeleteBranchAsync(repository, "nope", Ct));
        var invalid = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.CreateBranchAsync(repository, "main\n", head, Ct));
        Assert.Equal(ErrorKind.InvalidArgument, invalid.Kind);
    }

    [Fact]
    public async Task Swap_fails_when_the_branch_moved()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var read = await bed.Refs.GetBranchAsync(repository, "main", Ct);
        var sealedOnce = read with { SealedTokens = [read.StagingToken], StagingToken = new StagingToken("t2") };

        Assert.True(await bed.Refs.TrySwapBranchAsync(repository, read, sealedOnce, Ct));
        Assert.False(await bed.Refs.TrySwapBranchAsync(repository, read, read with { StagingToken = new StagingToken("t3") }, Ct));
        Assert.Equal(sealedOnce, await bed.Refs.GetBranchAsync(repository, "main", Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Sixteen_concurrent_updaters_lose_no_update(string store)
    {
        const int Updaters = 16;
        const int UpdatesEach = 5;
        await using var bed = new RefTestBed(store);
        var repository = await bed.NewRepositoryAsync();

        var tasks = Enumerable.Range(0, Updaters).Select(u => Task.Run(async () =>
        {
            for (var i = 0; i < UpdatesEach; i++)
            {
                var token = new StagingToken($"u{u}-{i}");
                await bed.Refs.UpdateBranchAsync(
                    repository, "main", b => b with { SealedTokens = [token, .. b.SealedTokens] }, maxAttempts: 500, Ct);
            }
        }, Ct));
        await Task.WhenAll(tasks);

        var branch = await bed.Refs.GetBranchAsync(repository, "main", Ct);
        Assert.Equal(Updaters * UpdatesEach, branch.SealedTokens.Count);
        Assert.Equal(Updaters * UpdatesEach, branch.SealedTokens.Distinct().Count());
    }

    [Fact]
    public async Task Update_gives_up_with_423_when_always_losing()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var error = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.UpdateBranchAsync(
            repository,
            "main",
            b =>
            {
                // A competing writer moves the branch between our read and our swap, every time.
                var competitor = b with { SealedTokens = [.. b.SealedTokens, new StagingToken(Guid.NewGuid().ToString())] };
                bed.Refs.TrySwapBranchAsync(repository, b, competitor, Ct).AsTask().GetAwaiter().GetResult();
                return b with { StagingToken = new StagingToken("mine") };
            },
            maxAttempts: 3,
            Ct));
        Assert.Equal((ErrorKind.Locked, "Too many attempts, try again later"), (error.Kind, error.Message));
    }
}
