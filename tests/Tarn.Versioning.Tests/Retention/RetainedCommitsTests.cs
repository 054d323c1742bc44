using Tarn.Core;
using Tarn.Versioning.Retention;
using Tarn.Versioning.Tests.Graveler;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Retention;

public sealed class RetainedCommitsTests
{
    private readonly GravelerTestBed _bed = new();

    [Fact]
    public async Task Heads_and_commits_superseded_inside_the_window_are_kept()
    {
        await _bed.CreateRepositoryAsync();
        var initial = await _bed.Controller.GetCommitAsync(Repo, "main", Ct);
        _bed.Time.Advance(TimeSpan.FromDays(1));
        await _bed.PutAsync("main", "a", "1");
        var c1 = await _bed.CommitAsync("main");
        await _bed.Controller.CreateBranchAsync(Repo, "feature", "main", Ct);
        _bed.Time.Advance(TimeSpan.FromDays(1));
        await _bed.PutAsync("feature", "f", "1");
        var f1 = await _bed.CommitAsync("feature");
        _bed.Time.Advance(TimeSpan.FromDays(8));
        await _bed.PutAsync("main", "a", "2");
        var c2 = await _bed.CommitAsync("main");
        _bed.Time.Advance(TimeSpan.FromHours(1));

        // Default 5 days: main keeps its HEAD and c1 (superseded by c2 inside the window); the initial commit was
        // superseded long ago. feature keeps its HEAD only.
        await _bed.Controller.SetRetentionRulesAsync(Repo, new RetentionRules(5, []), Ct);
        Assert.Equal(Ids(c1.Id, c2.Id, f1.Id), await RetainedAsync());

        // A longer rule for main keeps its whole chain.
        await _bed.Controller.SetRetentionRulesAsync(Repo, new RetentionRules(5, [new BranchRetention("main", 30)]), Ct);
        Assert.Equal(Ids(initial.Id, c1.Id, c2.Id, f1.Id), await RetainedAsync());

        // Deleting feature leaves f1 dangling: kept only while younger than the default window.
        await _bed.Controller.DeleteBranchAsync(Repo, "feature", Ct);
        Assert.Equal(Ids(initial.Id, c1.Id, c2.Id), await RetainedAsync());
        await _bed.Controller.SetRetentionRulesAsync(Repo, new RetentionRules(9, []), Ct);
        Assert.Equal(Ids(c1.Id, c2.Id, f1.Id), await RetainedAsync());
    }

    [Fact]
    public async Task Without_rules_it_is_a_404()
    {
        await _bed.CreateRepositoryAsync();
        var error = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.FindRetainedCommitsAsync(Repo, Ct));
        Assert.Equal("get gc rules: not found", error.Message);
    }

    private async Task<List<string>> RetainedAsync() =>
        [.. (await _bed.Controller.FindRetainedCommitsAsync(Repo, Ct)).Select(c => c.Id.ToString())];

    private static List<string> Ids(params Model.CommitId[] ids) => [.. ids.Select(id => id.ToString()).Order(StringComparer.Ordinal)];
}
