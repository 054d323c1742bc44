using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Graveler;

public sealed class MergeAndHistoryTests
{
    private readonly GravelerTestBed _bed = new();

    private async Task SetUpFilesAsync()
    {
        await _bed.CreateRepositoryAsync();
        for (var i = 0; i < 5; i++)
        {
            await _bed.PutAsync("main", $"file{i}", "v0");
        }

        await _bed.CommitAsync("main");
        await _bed.Controller.CreateBranchAsync(Repo, "branch1", "main", Ct);
    }

    [Fact]
    public async Task Merge_never_fast_forwards_and_writes_lakefs_metadata()
    {
        await SetUpFilesAsync();
        var destinationHead = await _bed.Controller.GetCommitAsync(Repo, "main", Ct);
        await _bed.PutAsync("branch1", "file0", "v1");
        await _bed.DeleteAsync("branch1", "file1");
        await _bed.PutAsync("branch1", "fileX", "v1");
        var source = await _bed.CommitAsync("branch1");

        Assert.Equal(
            ["changed file0=v1", "removed file1=v0", "added fileX=v1"],
            await ReadDiffAsync(await _bed.Controller.DiffRefsAsync(Repo, "main", "branch1", DiffKind.ThreeDot, Ct)));

        var merge = await _bed.MergeAsync("branch1", "main");
        Assert.Equal([destinationHead.Id, source.Id], merge.Parents);
        Assert.Equal("Merge 'branch1' into 'main'", merge.Message);
        Assert.Equal("default", merge.Metadata[VersionController.MergeStrategyMetadataKey]);
        Assert.Equal(source.MetaRangeId, merge.MetaRangeId);
        Assert.Equal(4, merge.Generation);
        Assert.Empty(await ReadDiffAsync(await _bed.Controller.DiffRefsAsync(Repo, "main", "branch1", DiffKind.ThreeDot, Ct)));
        Assert.Empty(await ReadDiffAsync(await _bed.Controller.DiffRefsAsync(Repo, "branch1", "main", DiffKind.ThreeDot, Ct)));

        var again = await Assert.ThrowsAsync<TarnException>(() => _bed.MergeAsync("branch1", "main"));
        Assert.Equal("update branch main: no changes", again.Message);
    }

    [Fact]
    public async Task Merge_conflicts_are_409_with_the_keys_and_strategies_resolve_them()
    {
        await SetUpFilesAsync();
        await _bed.PutAsync("branch1", "file0", "source");
        await _bed.CommitAsync("branch1");
        await _bed.PutAsync("main", "file0", "dest");
        await _bed.CommitAsync("main");

        var conflict = await Assert.ThrowsAsync<MergeConflictException>(() => _bed.MergeAsync("branch1", "main"));
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Assert.Equal(["file0"], conflict.ConflictingKeys.Select(S));
        Assert.Empty((await _bed.Controller.GetBranchAsync(Repo, "main", Ct)).SealedTokens);

        Assert.Equal("invalid merge strategy", (await Assert.ThrowsAsync<TarnException>(() => _bed.MergeAsync("branch1", "main", "theirs"))).Message);
        var destWins = await _bed.MergeAsync("branch1", "main", "dest-wins");
        Assert.Equal("dest-wins", destWins.Metadata[VersionController.MergeStrategyMetadataKey]);
        Assert.Equal("dest", await _bed.GetAsync("main", "file0"));

        await _bed.PutAsync("branch1", "file0", "source2");
        await _bed.CommitAsync("branch1");
        await _bed.PutAsync("main", "file0", "dest2");
        await _bed.CommitAsync("main");
        await _bed.MergeAsync("branch1", "main", "source-wins");
        Assert.Equal("source2", await _bed.GetAsync("main", "file0"));
    }

    [Fact]
    public async Task Merge_into_a_dirty_branch_is_400_and_missing_source_is_404()
    {
        await SetUpFilesAsync();
        await _bed.PutAsync("branch1", "new", "1");
        await _bed.CommitAsync("branch1");
        await _bed.PutAsync("main", "file0", "dirty");
        var dirty = await Assert.ThrowsAsync<TarnException>(() => _bed.MergeAsync("branch1", "main"));
        Assert.Equal("uncommitted changes (dirty branch)", dirty.Message);
        Assert.Equal("dirty", await _bed.GetAsync("main", "file0"));

        await _bed.Controller.ResetBranchAsync(Repo, "main", Ct);
        var missing = await Assert.ThrowsAsync<TarnException>(() => _bed.MergeAsync("nope", "main"));
        Assert.Equal("update branch main: get commit by ref nope: not found", missing.Message);
    }

    [Fact]
    public async Task Resets_discard_all_one_key_or_a_prefix()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a/1", "c");
        await _bed.PutAsync("main", "b/1", "c");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "a/1", "s");
        await _bed.PutAsync("main", "a/2", "s");
        await _bed.PutAsync("main", "b/1", "s");
        await _bed.PutAsync("main", "c", "s");

        await _bed.Controller.ResetKeyAsync(Repo, "main", K("c"), Ct);
        Assert.Equal(["a/1=s", "a/2=s", "b/1=s"], await _bed.ListAsync("main"));
        await _bed.Controller.ResetPrefixAsync(Repo, "main", K("a/"), Ct);
        Assert.Equal(["a/1=c", "b/1=s"], await _bed.ListAsync("main"));
        Assert.Equal(["changed b/1=s"], await _bed.UncommittedAsync("main"));
        await _bed.Controller.ResetBranchAsync(Repo, "main", Ct);
        Assert.Empty(await _bed.UncommittedAsync("main"));
        Assert.Empty((await _bed.Controller.GetBranchAsync(Repo, "main", Ct)).SealedTokens);
    }

    [Fact]
    public async Task Hard_reset_moves_head_and_refuses_a_dirty_branch()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        var first = await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "a", "2");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "b", "x");
        Assert.Equal("uncommitted changes (dirty branch)", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.HardResetAsync(Repo, "main", first.Id.Value, Ct))).Message);
        await _bed.Controller.ResetBranchAsync(Repo, "main", Ct);
        await _bed.Controller.HardResetAsync(Repo, "main", "main~1", Ct);
        Assert.Equal(first.Id, (await _bed.Controller.GetBranchAsync(Repo, "main", Ct)).CommitId);
        Assert.Equal("1", await _bed.GetAsync("main", "a"));
    }

    [Fact]
    public async Task Revert_and_cherry_pick_apply_inverse_and_forward_changes()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        await _bed.CommitAsync("main");
        await _bed.PutAsync("main", "a", "2");
        await _bed.PutAsync("main", "b", "1");
        var second = await _bed.CommitAsync("main", "second");
        await _bed.Controller.CreateBranchAsync(Repo, "dev", "main~1", Ct);

        var picked = await _bed.Controller.CherryPickAsync(Repo, "dev", second.Id.Value, null, "bob", Ct);
        Assert.Equal("second", picked.Message);
        Assert.Equal(second.Id.Value, picked.Metadata[VersionController.CherryPickOriginKey]);
        Assert.Equal("tester", picked.Metadata[VersionController.CherryPickCommitterKey]);
        Assert.Equal(["a=2", "b=1"], await _bed.ListAsync("dev"));

        var revert = await _bed.Controller.RevertAsync(Repo, "main", "main", 0, "bob", cancellationToken: Ct);
        Assert.Equal("Revert main", revert.Message);
        Assert.Equal(["a=1"], await _bed.ListAsync("main"));
        Assert.Equal("update branch: no changes", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.RevertAsync(Repo, "main", second.Id.Value, 0, "bob", cancellationToken: Ct))).Message);

        await _bed.PutAsync("dev", "a", "3");
        await _bed.CommitAsync("dev");
        var merge = await _bed.MergeAsync("dev", "main", "source-wins");
        Assert.Equal("must specify 1-based parent number for reverting merge commit", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.RevertAsync(Repo, "main", merge.Id.Value, 0, "bob", cancellationToken: Ct))).Message);
        Assert.Equal("given commit does not have the given parent number: parent 3", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.RevertAsync(Repo, "main", merge.Id.Value, 3, "bob", cancellationToken: Ct))).Message);
        Assert.Equal("must specify 1-based parent number for cherry-picking merge commit", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.CherryPickAsync(Repo, "dev", merge.Id.Value, null, "bob", Ct))).Message);
        Assert.Equal("value should be greater than 0: invalid value: validation error", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.CherryPickAsync(Repo, "dev", merge.Id.Value, 0, "bob", Ct))).Message);
        await _bed.Controller.RevertAsync(Repo, "main", merge.Id.Value, 1, "bob", cancellationToken: Ct);
        Assert.Equal(["a=1"], await _bed.ListAsync("main"));
    }

    [Fact]
    public async Task Two_dot_diff_with_staging_overlays_staged_changes()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        await _bed.PutAsync("main", "b", "1");
        await _bed.CommitAsync("main");
        await _bed.Controller.CreateBranchAsync(Repo, "dev", "main", Ct);
        await _bed.PutAsync("dev", "c", "1");
        await _bed.CommitAsync("dev");
        await _bed.PutAsync("dev", "a", "2");
        await _bed.DeleteAsync("dev", "b");
        await _bed.PutAsync("dev", "c", "1");

        Assert.Equal(["added c=1"], await ReadDiffAsync(await _bed.Controller.DiffRefsAsync(Repo, "main", "dev", DiffKind.TwoDot, Ct)));
        Assert.Equal(
            ["changed a=2", "removed b=1", "added c=1"],
            await ReadDiffAsync(await _bed.Controller.DiffRefsAsync(Repo, "main", "dev$", DiffKind.TwoDot, Ct)));
        var paged = await _bed.Controller.DiffRefsAsync(Repo, "main", "dev$", DiffKind.TwoDot, Ct);
        paged.SeekGE(K("b"));
        Assert.Equal(["removed b=1", "added c=1"], await ReadDiffAsync(paged));
    }

    [Fact]
    public async Task Log_filters_by_objects_and_prefixes_and_wraps_missing_refs()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "dir/a", "1");
        var c1 = await _bed.CommitAsync("main", "c1");
        await _bed.PutAsync("main", "other", "1");
        var c2 = await _bed.CommitAsync("main", "c2");
        await _bed.PutAsync("main", "dir/b", "1");
        var c3 = await _bed.CommitAsync("main", "c3");

        var all = await _bed.Controller.LogAsync(Repo, "main", new LogRequest(), Ct);
        Assert.Equal(["c3", "c2", "c1", "Repository created"], all.Commits.Select(c => c.Message));
        var byPrefix = await _bed.Controller.LogAsync(Repo, "main", new LogRequest { Prefixes = [K("dir/")] }, Ct);
        Assert.Equal([c3.Id, c1.Id], byPrefix.Commits.Select(c => c.Id));
        var byObject = await _bed.Controller.LogAsync(Repo, "main", new LogRequest { Objects = [K("other")] }, Ct);
        Assert.Equal([c2.Id], byObject.Commits.Select(c => c.Id));
        var paged = await _bed.Controller.LogAsync(Repo, "main", new LogRequest { Amount = 1, After = c3.Id.Value }, Ct);
        Assert.Equal([c2.Id], paged.Commits.Select(c => c.Id));
        Assert.True(paged.HasMore);

        Assert.Equal("branch ref: not found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.LogAsync(Repo, "nope", new LogRequest(), Ct))).Message);
        Assert.Equal("stop_at: not found", (await Assert.ThrowsAsync<TarnException>(() =>
            _bed.Controller.LogAsync(Repo, "main", new LogRequest { StopAt = "nope" }, Ct))).Message);
    }
}
