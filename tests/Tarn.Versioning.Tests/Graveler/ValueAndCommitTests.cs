using Tarn.Core;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Graveler;

public sealed class ValueAndCommitTests
{
    private readonly GravelerTestBed _bed = new();

    [Fact]
    public async Task Reads_see_staging_over_head_and_committed_only_views_do_not()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "a", "2");
        await _bed.PutAsync("main", "b", "3");
        Assert.Equal("2", await _bed.GetAsync("main", "a"));
        Assert.Equal("1", await _bed.GetAsync("main@", "a"));
        Assert.Null(await _bed.GetAsync("main@", "b"));
        Assert.Equal(["a=2", "b=3"], await _bed.ListAsync("main"));
        Assert.Equal(["a=1"], await _bed.ListAsync("main@"));
        Assert.Equal(["b=3"], await _bed.ListAsync("main", from: "a0"));
    }

    [Fact]
    public async Task Delete_writes_tombstones_only_where_needed()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        await _bed.CommitAsync("main");
        await _bed.DeleteAsync("main", "a");
        await _bed.DeleteAsync("main", "never");
        Assert.Null(await _bed.GetAsync("main", "a"));
        Assert.Empty(await _bed.ListAsync("main"));
        Assert.Equal(["removed a=1"], await _bed.UncommittedAsync("main"));
        var branch = await _bed.Controller.GetBranchAsync(Repo, "main", Ct);
        Assert.Null(await _bed.Controller.Staging.GetAsync(branch.StagingToken, K("never"), Ct));
    }

    [Fact]
    public async Task If_absent_writes_fail_with_412_when_the_key_exists_anywhere_on_the_branch()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "committed", "1");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "staged", "1");
        foreach (var key in new[] { "committed", "staged" })
        {
            var failed = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.SetAsync(Repo, "main", K(key), V("2"), ifAbsent: true, Ct));
            Assert.Equal(ErrorKind.PreconditionFailed, failed.Kind);
            Assert.Equal("Precondition failed", failed.Message);
        }

        await _bed.DeleteAsync("main", "committed");
        await _bed.Controller.SetAsync(Repo, "main", K("committed"), V("3"), ifAbsent: true, Ct);
        await _bed.Controller.SetAsync(Repo, "main", K("fresh"), V("4"), ifAbsent: true, Ct);
        Assert.Equal(["committed=3", "fresh=4", "staged=1"], await _bed.ListAsync("main"));
    }

    [Fact]
    public async Task Commit_applies_staged_changes_and_records_the_fields()
    {
        await _bed.CreateRepositoryAsync();
        var root = await _bed.Controller.GetCommitAsync(Repo, "main", Ct);
        await _bed.PutAsync("main", "a", "1");
        await _bed.PutAsync("main", "b", "2");
        var date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var commit = await _bed.Controller.CommitAsync(
            Repo, "main", new CommitParams("alice", "first") { Metadata = new Dictionary<string, string> { ["k"] = "v" }, Date = date }, Ct);
        Assert.Equal([root.Id], commit.Parents);
        Assert.Equal(2, commit.Generation);
        Assert.Equal(date, commit.CreationDate);
        Assert.Equal("v", commit.Metadata["k"]);
        Assert.Equal(commit, await _bed.Controller.GetCommitAsync(Repo, commit.Id.Value, Ct));
        var branch = await _bed.Controller.GetBranchAsync(Repo, "main", Ct);
        Assert.Equal(commit.Id, branch.CommitId);
        Assert.Empty(branch.SealedTokens);
        Assert.Empty(await _bed.UncommittedAsync("main"));
        Assert.Equal(["a=1", "b=2"], await _bed.ListAsync("main@"));
    }

    [Fact]
    public async Task Commit_without_changes_is_400_unless_allowed_and_leaves_no_sealed_tokens()
    {
        await _bed.CreateRepositoryAsync();
        var empty = await Assert.ThrowsAsync<TarnException>(() => _bed.CommitAsync("main"));
        Assert.Equal("commit: no changes", empty.Message);
        Assert.Equal(ErrorKind.InvalidArgument, empty.Kind);

        // Re-staging the committed value and deleting an absent key change nothing either.
        await _bed.PutAsync("main", "a", "1");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "a", "1");
        await _bed.DeleteAsync("main", "ghost");
        Assert.Equal("commit: no changes", (await Assert.ThrowsAsync<TarnException>(() => _bed.CommitAsync("main"))).Message);
        Assert.Empty((await _bed.Controller.GetBranchAsync(Repo, "main", Ct)).SealedTokens);

        var allowed = await _bed.CommitAsync("main", allowEmpty: true);
        Assert.Equal(allowed.Id, (await _bed.Controller.GetBranchAsync(Repo, "main", Ct)).CommitId);
    }

    [Fact]
    public async Task Source_metarange_commits_a_given_tree_and_refuses_a_dirty_branch()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        var first = await _bed.CommitAsync("main");
        await _bed.Controller.CreateBranchAsync(Repo, "dev", "main~1", Ct);
        var onDev = await _bed.Controller.CommitAsync(Repo, "dev", new CommitParams("t", "copy") { SourceMetaRange = first.MetaRangeId }, Ct);
        Assert.Equal(first.MetaRangeId, onDev.MetaRangeId);

        await _bed.PutAsync("dev", "b", "2");
        var dirty = await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.CommitAsync(Repo, "dev", new CommitParams("t", "copy") { SourceMetaRange = first.MetaRangeId }, Ct));
        Assert.Equal("cannot use source MetaRange on a branch with uncommitted changes", dirty.Message);
        Assert.Equal("2", await _bed.GetAsync("dev", "b"));

        var missing = await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.CommitAsync(Repo, "main", new CommitParams("t", "x") { SourceMetaRange = new MetaRangeId(new string('a', 64)) }, Ct));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task A_failed_commit_keeps_its_sealed_token_visible_and_the_next_commit_includes_it()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        var controller = _bed.Controller;
        // Simulate a crash after the seal: seal by hand, as the commit's first step does.
        var repository = await controller.GetRepositoryAsync(Repo, Ct);
        var branch = await controller.GetBranchAsync(Repo, "main", Ct);
        Assert.True(await controller.Refs.TrySwapBranchAsync(
            repository, branch, branch with { StagingToken = new StagingToken("t2"), SealedTokens = [branch.StagingToken] }, Ct));
        await _bed.PutAsync("main", "b", "2");
        Assert.Equal(["a=1", "b=2"], await _bed.ListAsync("main"));
        Assert.Equal(["added a=1", "added b=2"], await _bed.UncommittedAsync("main"));

        await _bed.CommitAsync("main");
        Assert.Equal(["a=1", "b=2"], await _bed.ListAsync("main@"));
    }
}
