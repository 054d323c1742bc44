using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Refs;

/// <summary>
/// The DAG (seconds after the epoch in brackets):
/// <code>
/// root[0] ← a1[10] ← a2[30] ← m1[50](a2, b2) ← a3[60] ← m2[70.5](a3, c1)
///         ← b1[20] ← b2[40] ↗                          c1[70.25](b1) ↗
/// </code>
/// </summary>
public sealed class CommitLogTests : IAsyncLifetime
{
    private readonly RefTestBed _bed = new();
    private readonly Dictionary<string, CommitRecord> _c = [];
    private RepositoryRecord _repository = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _repository = await _bed.NewRepositoryAsync(bare: true);
        await Add("root", 0);
        await Add("a1", 10, "root");
        await Add("b1", 20, "root");
        await Add("a2", 30, "a1");
        await Add("b2", 40, "b1");
        await Add("m1", 50, "a2", "b2");
        await Add("a3", 60, "m1");
        await Add("c1", 70.25, "b1");
        await Add("m2", 70.5, "a3", "c1");
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Full_log_is_newest_first_with_sub_second_precision()
    {
        Assert.Equal(["m2", "c1", "a3", "m1", "b2", "a2", "b1", "a1", "root"], await PageAsync(new LogOptions()));
    }

    [Fact]
    public async Task First_parent_follows_the_main_line()
    {
        Assert.Equal(["m2", "a3", "m1", "a2", "a1", "root"], await PageAsync(new LogOptions { FirstParent = true }));
    }

    [Fact]
    public async Task Equal_dates_break_ties_by_greater_id()
    {
        var repository = await _bed.NewRepositoryAsync("ties", bare: true);
        var root = await _bed.CommitAsync(repository, "root", 0);
        var x = await _bed.CommitAsync(repository, "x", 5, root);
        var y = await _bed.CommitAsync(repository, "y", 5, root);
        var merge = await _bed.CommitAsync(repository, "m", 9, x, y);
        var page = await _bed.Log.ListAsync(repository, merge.Id, new LogOptions(), Ct);
        var greater = string.CompareOrdinal(x.Id.Value, y.Id.Value) > 0 ? x : y;
        Assert.Equal(greater.Id, page.Commits[1].Id);
    }

    [Fact]
    public async Task Amount_pages_with_after()
    {
        var first = await _bed.Log.ListAsync(_repository, _c["m2"].Id, new LogOptions { Amount = 4 }, Ct);
        Assert.Equal(["m2", "c1", "a3", "m1"], Names(first));
        Assert.True(first.HasMore);
        Assert.Equal(_c["m1"].Id.Value, first.NextOffset);

        var second = await _bed.Log.ListAsync(_repository, _c["m2"].Id, new LogOptions { Amount = 4, After = _c["m1"].Id }, Ct);
        Assert.Equal(["b2", "a2", "b1", "a1"], Names(second));
        Assert.True(second.HasMore);
        var last = await _bed.Log.ListAsync(_repository, _c["m2"].Id, new LogOptions { Amount = 4, After = _c["a1"].Id }, Ct);
        Assert.Equal(["root"], Names(last));
        Assert.False(last.HasMore);
        Assert.Equal("", last.NextOffset);
    }

    [Fact]
    public async Task Limit_stops_at_amount_without_has_more()
    {
        var page = await _bed.Log.ListAsync(_repository, _c["m2"].Id, new LogOptions { Amount = 2, Limit = true }, Ct);
        Assert.Equal(["m2", "c1"], Names(page));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Stop_at_is_included_and_ends_the_page()
    {
        Assert.Equal(["m2", "c1", "a3", "m1"], await PageAsync(new LogOptions { StopAt = _c["m1"].Id }));
    }

    [Fact]
    public async Task Since_prunes_older_commits_and_their_ancestry()
    {
        Assert.Equal(["m2", "c1", "a3", "m1", "b2", "a2"], await PageAsync(new LogOptions { Since = RefTestBed.Epoch.AddSeconds(25) }));
        // c1 is only a quarter second old: sub-second precision matters for the cut-off as well.
        Assert.Equal(["m2", "c1"], await PageAsync(new LogOptions { Since = RefTestBed.Epoch.AddSeconds(70.1) }));
        Assert.Empty(await PageAsync(new LogOptions { Since = RefTestBed.Epoch.AddSeconds(100) }));
    }

    [Fact]
    public async Task Path_filter_sees_only_single_parent_commits_with_their_parent()
    {
        var asked = new List<(string Child, string? Parent)>();
        var page = await _bed.Log.ListAsync(_repository, _c["m2"].Id, new LogOptions
        {
            TouchesPaths = (commit, parent) =>
            {
                asked.Add((commit.Message, parent?.Message));
                return ValueTask.FromResult(commit.Message.StartsWith('a'));
            },
        }, Ct);

        Assert.Equal(["a3", "a2", "a1"], Names(page));
        Assert.DoesNotContain(asked, a => a.Child is "m1" or "m2" or "root");
        Assert.Contains(("a3", "m1"), asked);
    }

    [Fact]
    public async Task Unknown_after_yields_an_empty_page()
    {
        var page = await _bed.Log.ListAsync(_repository, _c["a2"].Id, new LogOptions { After = _c["b2"].Id }, Ct);
        Assert.Empty(page.Commits);
    }

    private async Task Add(string name, double seconds, params string[] parents) =>
        _c[name] = await _bed.CommitAsync(_repository, name, seconds, [.. parents.Select(p => _c[p])]);

    private async Task<List<string>> PageAsync(LogOptions options) =>
        Names(await _bed.Log.ListAsync(_repository, _c["m2"].Id, options, Ct));

    private static List<string> Names(LogPage page) => [.. page.Commits.Select(c => c.Message)];
}
