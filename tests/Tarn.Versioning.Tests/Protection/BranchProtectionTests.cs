using Tarn.Core;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Tests.Graveler;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Protection;

public sealed class BranchProtectionTests
{
    private readonly GravelerTestBed _bed = new();

    private VersionController Controller => _bed.Controller;

    [Fact]
    public async Task Rules_round_trip_with_an_etag_that_guards_updates()
    {
        await _bed.CreateRepositoryAsync();
        var none = await Controller.GetBranchProtectionRulesAsync(Repo, Ct);
        Assert.Empty(none.Patterns);
        Assert.Equal("", none.ETag);

        await Controller.SetBranchProtectionRulesAsync(Repo, ["main", "release-*"], ifMatch: "", Ct);
        var rules = await Controller.GetBranchProtectionRulesAsync(Repo, Ct);
        Assert.Equal(["main", "release-*"], rules.Patterns);
        Assert.Matches("^[0-9a-f]{64}$", rules.ETag);

        await AssertFails(ErrorKind.PreconditionFailed, () => Controller.SetBranchProtectionRulesAsync(Repo, [], ifMatch: "", Ct));
        await AssertFails(ErrorKind.PreconditionFailed, () => Controller.SetBranchProtectionRulesAsync(Repo, [], ifMatch: "stale", Ct));
        await AssertFails(ErrorKind.InvalidArgument, () => Controller.SetBranchProtectionRulesAsync(Repo, ["["], ifMatch: null, Ct));
        await Controller.SetBranchProtectionRulesAsync(Repo, ["dev"], rules.ETag, Ct);
        Assert.Equal(["dev"], (await Controller.GetBranchProtectionRulesAsync(Repo, Ct)).Patterns);
    }

    [Fact]
    public async Task Protected_branches_refuse_staging_writes_commits_and_hard_resets_but_not_merges()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        var first = await _bed.CommitAsync("main");
        await Controller.CreateBranchAsync(Repo, "feature", "main", Ct);
        await _bed.PutAsync("feature", "b", "2");
        await _bed.CommitAsync("feature");
        await Controller.AddBranchProtectionRuleAsync(Repo, "ma?n", Ct);

        Assert.Equal("cannot write to protected branch", (await AssertFails(ErrorKind.Forbidden, () => _bed.PutAsync("main", "x", "1"))).Message);
        await AssertFails(ErrorKind.Forbidden, () => _bed.DeleteAsync("main", "a"));
        await AssertFails(ErrorKind.Forbidden, () => Controller.ResetBranchAsync(Repo, "main", Ct));
        await AssertFails(ErrorKind.Forbidden, () => Controller.ResetKeyAsync(Repo, "main", K("a"), Ct));
        await AssertFails(ErrorKind.Forbidden, () => Controller.ResetPrefixAsync(Repo, "main", K(""), Ct));
        Assert.Equal("cannot commit to protected branch", (await AssertFails(ErrorKind.Forbidden, () => _bed.CommitAsync("main", allowEmpty: true))).Message);
        Assert.Equal("protected branch", (await AssertFails(ErrorKind.Forbidden, () => Controller.HardResetAsync(Repo, "main", first.Id.ToString(), Ct))).Message);

        await _bed.MergeAsync("feature", "main");
        Assert.Equal("2", await _bed.GetAsync("main", "b"));
        await _bed.PutAsync("feature", "c", "3");

        await Controller.DeleteBranchProtectionRuleAsync(Repo, "ma?n", Ct);
        await _bed.PutAsync("main", "x", "1");
        await AssertFails(ErrorKind.NotFound, () => Controller.DeleteBranchProtectionRuleAsync(Repo, "ma?n", Ct));
    }

    [Fact]
    public async Task Rules_belong_to_one_repository()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.CreateRepositoryAsync("repo2");
        await Controller.AddBranchProtectionRuleAsync("repo2", "*", Ct);
        await _bed.PutAsync("main", "a", "1");
        await AssertFails(ErrorKind.Forbidden, () => Controller.SetAsync("repo2", "main", K("a"), V("1"), cancellationToken: Ct));
    }

    private static async Task<TarnException> AssertFails(ErrorKind kind, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<TarnException>(action);
        Assert.Equal(kind, error.Kind);
        return error;
    }
}
