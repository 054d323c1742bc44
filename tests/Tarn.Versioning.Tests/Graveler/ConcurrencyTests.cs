using System.Collections.Concurrent;
using System.Diagnostics;
using Tarn.Blocks.Memory;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Graveler;

public sealed class ConcurrencyTests
{
    private const int Parallelism = 16;

    [Fact]
    public async Task Writers_racing_with_commits_lose_no_acknowledged_write()
    {
        var bed = new GravelerTestBed();
        await bed.CreateRepositoryAsync();
        var acknowledged = new ConcurrentBag<string>();
        var writersDone = 0;
        var writers = Enumerable.Range(0, Parallelism).Select(w => Task.Run(
            async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    var key = $"w{w:D2}/{i:D3}";
                    await bed.Controller.SetAsync(Repo, "main", K(key), V(key), cancellationToken: Ct);
                    acknowledged.Add(key);

                    // The in-memory store is fast enough for writers to finish before the first commit
                    // starts; yielding keeps them interleaved with the commit loop.
                    await Task.Yield();
                }

                Interlocked.Increment(ref writersDone);
            },
            Ct)).ToArray();

        var commits = 0;
        while (Volatile.Read(ref writersDone) < Parallelism || commits == 0)
        {
            try
            {
                await bed.Controller.CommitAsync(Repo, "main", new CommitParams("t", "loop"), Ct);
                commits++;
            }
            catch (TarnException e) when (e.Message == "commit: no changes")
            {
                await Task.Yield();
            }
        }

        await Task.WhenAll(writers);
        Assert.True(commits > 0);
        var visible = await bed.ListAsync("main");
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal).Select(k => $"{k}={k}"), visible);

        // Whatever was still staged goes into one last commit; then HEAD alone holds everything.
        try
        {
            await bed.Controller.CommitAsync(Repo, "main", new CommitParams("t", "final"), Ct);
        }
        catch (TarnException e) when (e.Message == "commit: no changes")
        {
        }

        Assert.Equal(visible, await bed.ListAsync("main@"));
        Assert.Equal(0, bed.Controller.LockedBranchCount);
    }

    [Fact]
    public async Task Sixteen_concurrent_merges_into_one_branch_all_succeed()
    {
        var bed = new GravelerTestBed();
        await bed.CreateRepositoryAsync();
        for (var i = 0; i < Parallelism; i++)
        {
            await bed.Controller.CreateBranchAsync(Repo, $"f{i}", "main", Ct);
            await bed.PutAsync($"f{i}", $"feature/{i:D2}", $"from-{i}");
            await bed.CommitAsync($"f{i}");
        }

        var clock = Stopwatch.StartNew();
        var merges = await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(i =>
            Task.Run(() => bed.Controller.MergeAsync(Repo, $"f{i}", "main", new MergeParams("t"), Ct), Ct)));
        clock.Stop();

        Assert.Equal(Parallelism, merges.Select(m => m.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Parallelism).Select(i => $"feature/{i:D2}=from-{i}"), await bed.ListAsync("main"));
        var log = await bed.Controller.LogAsync(Repo, "main", new LogRequest { FirstParent = true, Amount = 100 }, Ct);
        Assert.Equal(Parallelism + 1, log.Commits.Count);
        Assert.Equal(0, bed.Controller.LockedBranchCount);
        TestContext.Current.SendDiagnosticMessage($"{Parallelism} merges in {clock.ElapsedMilliseconds} ms ({Parallelism / clock.Elapsed.TotalSeconds:F0}/s)");
    }

    [Fact]
    public async Task Merges_from_two_processes_sharing_the_store_retry_by_compare_and_swap()
    {
        // Two controllers over one KV store and one object store stand for two server processes:
        // their in-process queues do not see each other, only the branch CAS does.
        var kv = new MemoryKvStore();
        var blocks = new MemoryBlockAdapter();
        var first = VersionController.Create(kv, blocks);
        var second = VersionController.Create(kv, blocks);
        await first.CreateRepositoryAsync(new RepositoryCreation(Repo, "mem://shared/ns"), Ct);
        const int PerProcess = 4;
        for (var i = 0; i < 2 * PerProcess; i++)
        {
            await first.CreateBranchAsync(Repo, $"f{i}", "main", Ct);
            await first.SetAsync(Repo, $"f{i}", K($"k{i}"), V($"{i}"), cancellationToken: Ct);
            await first.CommitAsync(Repo, $"f{i}", new CommitParams("t", $"c{i}"), Ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 2 * PerProcess).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).MergeAsync(Repo, $"f{i}", "main", new MergeParams("t"), Ct), Ct)));

        for (var i = 0; i < 2 * PerProcess; i++)
        {
            Assert.Equal($"{i}", ContentOf(await second.GetAsync(Repo, "main", K($"k{i}"), Ct)));
        }
    }
}
