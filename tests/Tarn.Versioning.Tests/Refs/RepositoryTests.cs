using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class RepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Create_makes_root_commit_and_default_branch(string store)
    {
        await using var bed = new RefTestBed(store);
        var repository = await bed.NewRepositoryAsync();

        Assert.Equal("main", repository.DefaultBranchId);
        Assert.Equal(RefTestBed.Epoch, repository.CreationDate);
        var branch = await bed.Refs.GetBranchAsync(repository, "main", Ct);
        Assert.Empty(branch.SealedTokens);
        Assert.Matches("^st:[0-9a-f]{24}$", branch.StagingToken.Value);
        var root = await bed.Refs.GetCommitAsync(repository, branch.CommitId, Ct);
        Assert.Equal("Repository created", root.Message);
        Assert.Equal("", root.Committer);
        Assert.Equal(MetaRangeId.Empty, root.MetaRangeId);
        Assert.Empty(root.Parents);
        Assert.Equal(1, root.Generation);
        Assert.Equal(1, root.Version);
        Assert.True(root.HasValidId());
        Assert.Equal(repository, await bed.Refs.GetRepositoryAsync("repo1", Ct));
    }

    [Fact]
    public async Task Bare_repository_has_no_branch()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        Assert.Null(await bed.Refs.TryGetBranchAsync(repository, "main", Ct));
    }

    [Fact]
    public async Task Duplicate_and_invalid_creations_fail()
    {
        await using var bed = new RefTestBed();
        await bed.NewRepositoryAsync();
        var duplicate = await Assert.ThrowsAsync<TarnException>(() => bed.NewRepositoryAsync());
        Assert.Equal((ErrorKind.AlreadyExists, "not unique"), (duplicate.Kind, duplicate.Message));

        var invalid = await Assert.ThrowsAsync<TarnException>(async () =>
            await bed.Refs.CreateRepositoryAsync(new RepositoryCreation("Bad_Repo", "local://x"), Ct));
        Assert.Equal("argument name: repository id: invalid value: validation error", invalid.Message);
        await Assert.ThrowsAsync<TarnException>(async () =>
            await bed.Refs.CreateRepositoryAsync(new RepositoryCreation("okrepo", "local://x", DefaultBranchId: "bad/branch"), Ct));
        Assert.Null(await bed.Refs.TryGetRepositoryAsync("okrepo", Ct));
    }

    [Fact]
    public async Task Concurrent_creators_one_wins_and_the_loser_leaves_nothing()
    {
        await using var bed = new RefTestBed();
        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await bed.Refs.CreateRepositoryAsync(new RepositoryCreation("race", "local://race"), Ct);
            }
            catch (TarnException e) when (e.Kind == ErrorKind.AlreadyExists)
            {
                return null;
            }
        }, Ct));
        var results = await Task.WhenAll(attempts);
        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(winner, await bed.Refs.GetRepositoryAsync("race", Ct));
    }

    [Fact]
    public async Task Missing_repository_is_404()
    {
        await using var bed = new RefTestBed();
        var error = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.GetRepositoryAsync("nope", Ct));
        Assert.Equal((ErrorKind.NotFound, "repository not found"), (error.Kind, error.Message));
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Delete_then_recreate_starts_clean(string store)
    {
        await using var bed = new RefTestBed(store);
        var old = await bed.NewRepositoryAsync();
        await bed.Refs.CreateBranchAsync(old, "feature", (await bed.Refs.GetBranchAsync(old, "main", Ct)).CommitId, Ct);
        await bed.Refs.UpdateRepositoryMetadataAsync(old, m => { m["k"] = "v"; return true; }, Ct);

        await bed.Refs.DeleteRepositoryAsync("repo1", Ct);
        Assert.Null(await bed.Refs.TryGetRepositoryAsync("repo1", Ct));
        await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.DeleteRepositoryAsync("repo1", Ct));

        bed.Time.Advance(TimeSpan.FromSeconds(3));
        var fresh = await bed.NewRepositoryAsync();
        Assert.NotEqual(old.InstanceUid, fresh.InstanceUid);
        Assert.Null(await bed.Refs.TryGetBranchAsync(fresh, "feature", Ct));
        Assert.Empty(await bed.Refs.GetRepositoryMetadataAsync(fresh, Ct));
        var oldBranchKeys = bed.Kv.ScanAsync(old.Partition, ReadOnlyMemory<byte>.Empty, Ct);
        Assert.Equal(0, await oldBranchKeys.CountAsync(Ct));
        // The old branches' staging tokens were handed to the sweeper.
        Assert.Equal(2, await bed.Kv.ScanAsync(Tarn.Versioning.Staging.StagingStore.CleanupPartition, ReadOnlyMemory<byte>.Empty, Ct).CountAsync(Ct));
    }

    [Fact]
    public async Task Repository_in_deletion_is_gone_and_hidden_from_listing()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync("doomed");
        await bed.NewRepositoryAsync("kept");
        // Simulate a crash after the record was marked.
        var marked = repository with { State = RepositoryState.InDeletion };
        await bed.Kv.SetAsync("graveler", System.Text.Encoding.UTF8.GetBytes("repos/doomed"), RefRecordCodec.Encode(marked), Ct);

        var error = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.GetRepositoryAsync("doomed", Ct));
        Assert.Equal((ErrorKind.Gone, "repository in deletion"), (error.Kind, error.Message));
        var page = await bed.Refs.ListRepositoriesAsync(PageRequest.First, Ct);
        Assert.Equal(["kept"], page.Items.Select(r => r.Id));

        await bed.Refs.DeleteRepositoryAsync("doomed", Ct);
        Assert.Null(await bed.Refs.TryGetRepositoryAsync("doomed", Ct));
    }

    [Fact]
    public async Task List_pages_by_prefix_after_and_amount()
    {
        await using var bed = new RefTestBed();
        foreach (var id in new[] { "aaa", "abb", "abc", "abd", "bcd" })
        {
            await bed.NewRepositoryAsync(id);
        }

        var first = await bed.Refs.ListRepositoriesAsync(new PageRequest(Prefix: "ab", Amount: 2), Ct);
        Assert.Equal(["abb", "abc"], first.Items.Select(r => r.Id));
        Assert.True(first.HasMore);
        Assert.Equal("abc", first.NextOffset);

        var second = await bed.Refs.ListRepositoriesAsync(new PageRequest(Prefix: "ab", After: first.NextOffset, Amount: 2), Ct);
        Assert.Equal(["abd"], second.Items.Select(r => r.Id));
        Assert.False(second.HasMore);
        Assert.Equal("", second.NextOffset);

        var afterBeforePrefix = await bed.Refs.ListRepositoriesAsync(new PageRequest(Prefix: "ab", After: "a"), Ct);
        Assert.Equal(3, afterBeforePrefix.Items.Count);
        var exact = await bed.Refs.ListRepositoriesAsync(new PageRequest(Amount: 5), Ct);
        Assert.False(exact.HasMore);
    }

    [Fact]
    public async Task Metadata_updates_merge_and_delete_keys()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        await bed.Refs.UpdateRepositoryMetadataAsync(repository, m => { m["a"] = "1"; m["b"] = "2"; return true; }, Ct);
        await bed.Refs.UpdateRepositoryMetadataAsync(repository, m => m.Remove("a"), Ct);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, await bed.Refs.GetRepositoryMetadataAsync(repository, Ct));
    }
}
