using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

public sealed class TagAndCommitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Tags_create_get_list_delete(string store)
    {
        await using var bed = new RefTestBed(store);
        var repository = await bed.NewRepositoryAsync();
        var head = (await bed.Refs.GetBranchAsync(repository, "main", Ct)).CommitId;
        foreach (var id in new[] { "v2", "v1.0", "ü-tag", "v1.1" })
        {
            await bed.Refs.CreateTagAsync(repository, id, head, Ct);
        }

        Assert.Equal(new TagRecord("v1.0", head), await bed.Refs.GetTagAsync(repository, "v1.0", Ct));
        var page = await bed.Refs.ListTagsAsync(repository, new PageRequest(Prefix: "v", Amount: 2), Ct);
        Assert.Equal(["v1.0", "v1.1"], page.Items.Select(t => t.Id));
        Assert.True(page.HasMore);
        var all = await bed.Refs.ListTagsAsync(repository, PageRequest.First, Ct);
        Assert.Equal(["v1.0", "v1.1", "v2", "ü-tag"], all.Items.Select(t => t.Id));

        var exists = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.CreateTagAsync(repository, "v2", head, Ct));
        Assert.Equal("tag already exists: not unique", exists.Message);
        await bed.Refs.DeleteTagAsync(repository, "v2", Ct);
        var missing = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.DeleteTagAsync(repository, "v2", Ct));
        Assert.Equal((ErrorKind.NotFound, "tag not found"), (missing.Kind, missing.Message));
        await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.CreateTagAsync(repository, "bad..tag", head, Ct));
    }

    [Theory]
    [MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Commits_are_created_once_and_round_trip(string store)
    {
        await using var bed = new RefTestBed(store);
        var repository = await bed.NewRepositoryAsync();
        var commit = CommitRecord.Create(
            "jane", "msg", new MetaRangeId("abc"), RefTestBed.Epoch.AddTicks(1234567), new Dictionary<string, string> { ["k"] = "v", ["a"] = "" },
            [new CommitId("p1"), new CommitId("p2")], 7);

        Assert.True(await bed.Refs.StoreCommitAsync(repository, commit, Ct));
        Assert.False(await bed.Refs.StoreCommitAsync(repository, commit, Ct));

        // Read back through a fresh store so the cache cannot answer.
        var fresh = new RefStore(bed.Kv, bed.Staging);
        var read = await fresh.GetCommitAsync(repository, commit.Id, Ct);
        Assert.Equal(commit.Id, read.Id);
        Assert.Equal(commit.CreationDate, read.CreationDate);
        Assert.Equal(commit.Metadata, read.Metadata);
        Assert.Equal(commit.Parents, read.Parents);
        Assert.Equal((7L, 1, "abc"), (read.Generation, read.Version, read.MetaRangeId.Value));
        Assert.True(read.HasValidId());

        var missing = await Assert.ThrowsAsync<TarnException>(async () => await bed.Refs.GetCommitAsync(repository, new CommitId("nope"), Ct));
        Assert.Equal("commit not found", missing.Message);
    }

    [Fact]
    public async Task Commit_ids_by_prefix()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync(bare: true);
        foreach (var id in new[] { "aa11", "aa12", "ab00" })
        {
            await bed.Refs.StoreCommitAsync(repository, CommitRecord.Create("c", id, MetaRangeId.Empty, RefTestBed.Epoch, null, [], 1) with { Id = new CommitId(id) }, Ct);
        }

        Assert.Equal([new CommitId("aa11"), new CommitId("aa12")], await bed.Refs.ListCommitIdsByPrefixAsync(repository, "aa", 5, Ct));
        Assert.Single(await bed.Refs.ListCommitIdsByPrefixAsync(repository, "a", 1, Ct));
        Assert.Empty(await bed.Refs.ListCommitIdsByPrefixAsync(repository, "b", 5, Ct));
        Assert.Equal(3, await bed.Refs.ScanCommitsAsync(repository, Ct).CountAsync(Ct));
    }

    [Fact]
    public void Commit_cache_is_bounded_and_keyed_by_instance()
    {
        var cache = new CommitCache(capacity: 2);
        CommitRecord Make(string id) => CommitRecord.Create("c", id, MetaRangeId.Empty, RefTestBed.Epoch, null, [], 1);
        var a = Make("a");
        cache.Add("repo-1", a);
        Assert.False(cache.TryGet("repo-2", a.Id, out _));
        cache.Add("repo-1", Make("b"));
        cache.Add("repo-1", Make("c"));
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("repo-1", a.Id, out _));
    }
}
