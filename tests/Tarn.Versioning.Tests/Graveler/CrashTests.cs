using System.Diagnostics;
using System.Reflection;
using System.Text;
using Tarn.Blocks.Local;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Graveler;

namespace Tarn.Versioning.Tests.Graveler;

/// <summary>
/// A crash at any step leaves every branch before or after a commit and loses no acknowledged write:
/// a child process (Tarn.Versioning.CrashWorker) writes, commits and merges over SQLite and local
/// files, printing each acknowledged operation; we SIGKILL it at random points, reopen the stores and
/// check that every branch HEAD is a stored commit whose tree loads and that every printed write is
/// visible on its branch (committed or staged).
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string Repository = "crash-repo";
    private const int Kills = 3;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tarn-crash-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Killed_worker_leaves_consistent_refs_and_every_acknowledged_write()
    {
        var worker = WorkerPath();
        Directory.CreateDirectory(_directory);
        var writes = new Dictionary<string, (string Branch, string Content)>(StringComparer.Ordinal);
        var commits = 0;
        for (var run = 0; run < Kills; run++)
        {
            commits += await RunAndKillAsync(worker, run, writes, acknowledgementsBeforeKill: Random.Shared.Next(150, 600));
            await VerifyAsync(writes);
        }

        Assert.True(commits > 0, "the worker never acknowledged a commit");
    }

    private async Task VerifyAsync(Dictionary<string, (string Branch, string Content)> writes)
    {
        await using var kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(_directory));
        var controller = VersionController.Create(kv, new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(_directory, "blocks"))));
        foreach (var branchId in new[] { "main", "dev" })
        {
            var branch = await controller.GetBranchAsync(Repository, branchId, Ct);
            var head = await controller.GetCommitAsync(Repository, branch.CommitId.Value, Ct);
            await controller.Committed.GetRangesAsync(Tarn.Blocks.StorageNamespace.Parse("local://repo"), head.MetaRangeId, Ct);
            await using var listing = await controller.ListAsync(Repository, branchId, cancellationToken: Ct);
            while (await listing.MoveNextAsync(Ct))
            {
                Assert.NotNull(listing.Current.Value);
            }
        }

        foreach (var (key, (branch, content)) in writes)
        {
            var value = await controller.GetAsync(Repository, branch, Encoding.UTF8.GetBytes(key), Ct);
            Assert.True(value is not null, $"acknowledged write {key} on {branch} is missing after the crash");
            Assert.Equal(content, Encoding.UTF8.GetString(value.Data));
        }
    }

    private async Task<int> RunAndKillAsync(string worker, int run, Dictionary<string, (string, string)> writes, int acknowledgementsBeforeKill)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(_directory);
        start.ArgumentList.Add(run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Ct);
        var commits = 0;
        var seen = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (seen < acknowledgementsBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException($"the worker exited early: {await errors}");
                commits += Record(line, writes);
                seen++;
            }
        }
        finally
        {
            // SIGKILL: no finally blocks, no dispose, no flush in the child.
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(Ct);
        // Lines still in the pipe were printed after their operation completed; a cut last line is ignored.
        var rest = (await process.StandardOutput.ReadToEndAsync(Ct)).Split('\n');
        foreach (var line in rest[..^1])
        {
            commits += Record(line, writes);
        }

        return commits;
    }

    private static int Record(string line, Dictionary<string, (string, string)> writes)
    {
        var parts = line.Split(' ');
        if (parts[0] == "W")
        {
            writes[parts[2]] = (parts[1], parts[3]);
            return 0;
        }

        return parts[0] == "C" ? 1 : throw new InvalidOperationException($"unexpected worker output: {line}");
    }

    private static string WorkerPath()
    {
        // Recorded at build time by the RecordCrashWorkerPath target of the test project, which also builds the worker.
        var path = typeof(CrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "CrashWorkerPath").Value!;
        Assert.True(File.Exists(path), $"the crash worker is not built at {path}");
        return path;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
