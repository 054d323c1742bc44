using System.Globalization;
using System.Text;
using Tarn.Blocks.Local;
using Tarn.Core;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

// Writes, commits and merges in a loop over a SQLite store and a local block store in <directory>,
// printing a line only after the engine acknowledged the operation:
//   W <branch> <key> <content>   a staged write
//   C <branch> <commit id>       a commit or merge commit now at the branch HEAD
// The test (Graveler/CrashTests) kills this process with SIGKILL at random points, reopens the stores
// and checks refs and acknowledged writes. Runs in the same directory continue the same repository.
// Usage: Tarn.Versioning.CrashWorker <directory> <run number>
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var run))
{
    await Console.Error.WriteLineAsync("usage: Tarn.Versioning.CrashWorker <directory> <run number>");
    return 2;
}

const string Repository = "crash-repo";
const int Writers = 4;
// Bounded, so a test that forgets to kill it does not leave it running for long.
var deadline = DateTime.UtcNow.AddSeconds(60);
var directory = args[0];
await using var kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(directory));
var controller = VersionController.Create(kv, new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(directory, "blocks"))));
try
{
    await controller.CreateRepositoryAsync(new RepositoryCreation(Repository, "local://repo"));
    await controller.CreateBranchAsync(Repository, "dev", "main");
}
catch (TarnException e) when (e.Kind == ErrorKind.AlreadyExists)
{
    // An earlier run created them (possibly only the repository, if it was killed in between).
    if (await TryGetBranchAsync("dev") is null)
    {
        await controller.CreateBranchAsync(Repository, "dev", "main");
    }
}

var output = TextWriter.Synchronized(Console.Out);
var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
{
    for (var n = 0; DateTime.UtcNow < deadline; n++)
    {
        var branch = n % 3 == 0 ? "main" : "dev";
        var key = string.Create(CultureInfo.InvariantCulture, $"r{run}/w{w}/{n:D6}");
        var content = key + "@" + branch;
        await controller.SetAsync(Repository, branch, Encoding.UTF8.GetBytes(key), new Value(Encoding.UTF8.GetBytes(content), Encoding.UTF8.GetBytes(content)));
        output.WriteLine($"W {branch} {key} {content}");
    }
}));

var operations = Task.Run(async () =>
{
    for (var i = 0; DateTime.UtcNow < deadline; i++)
    {
        try
        {
            var commit = (i % 3) switch
            {
                0 => await controller.CommitAsync(Repository, "dev", new CommitParams("worker", $"dev {i}")),
                1 => await controller.CommitAsync(Repository, "main", new CommitParams("worker", $"main {i}")),
                _ => await MergeAsync(),
            };
            output.WriteLine($"C {(i % 3 == 0 ? "dev" : "main")} {commit.Id}");
        }
        catch (TarnException e) when (e.Message.EndsWith("no changes", StringComparison.Ordinal) || e.Kind == ErrorKind.InvalidArgument)
        {
            // Nothing to commit yet, or main is dirty for the merge: the loop goes on.
        }
    }
});

await Task.WhenAll([.. writers, operations]);
return 0;

async Task<CommitRecord> MergeAsync()
{
    // Merge only into a clean main: commit it first, as a client would.
    try
    {
        await controller.CommitAsync(Repository, "main", new CommitParams("worker", "before merge"));
    }
    catch (TarnException e) when (e.Message.EndsWith("no changes", StringComparison.Ordinal))
    {
    }

    return await controller.MergeAsync(Repository, "dev", "main", new MergeParams("worker") { Strategy = "source-wins" });
}

async Task<BranchRecord?> TryGetBranchAsync(string branch)
{
    try
    {
        return await controller.GetBranchAsync(Repository, branch);
    }
    catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
    {
        return null;
    }
}
