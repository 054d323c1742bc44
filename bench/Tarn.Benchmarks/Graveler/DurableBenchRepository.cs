using Tarn.Benchmarks.RangeFiles;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Benchmarks.Graveler;

/// <summary>
/// A repository on the real stores (SQLite with <c>synchronous=FULL</c>, the local block store with every file
/// fsynced) in a temporary folder, whose <c>main</c> holds <c>records</c> generated benchmark records in one
/// commit. Shared by the benchmarks that time durable commits; disposing deletes the folder.
/// </summary>
internal sealed class DurableBenchRepository : IAsyncDisposable
{
    public const string Name = "bench-repo";

    private DurableBenchRepository(string directory, SqliteKvStore kv, VersionController controller, StorageNamespace storageNamespace, MetaRangeId baseTree)
    {
        Directory = directory;
        Kv = kv;
        Controller = controller;
        Namespace = storageNamespace;
        BaseTree = baseTree;
    }

    public string Directory { get; }

    public string BlocksRoot => Path.Combine(Directory, "blocks");

    public SqliteKvStore Kv { get; }

    public VersionController Controller { get; }

    public StorageNamespace Namespace { get; }

    /// <summary>The tree of the base commit on <c>main</c>.</summary>
    public MetaRangeId BaseTree { get; }

    public static async Task<DurableBenchRepository> CreateAsync(int records, CommittedManagerOptions committed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tarn-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(directory));
        IBlockAdapter blocks = new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(directory, "blocks")));
        var storageNamespace = StorageNamespace.Parse("local://bench/graveler");
        var controller = VersionController.Create(kv, blocks, TimeProvider.System, new VersionControllerOptions { Committed = committed });
        await controller.CreateRepositoryAsync(new RepositoryCreation(Name, storageNamespace.Canonical));
        var tree = (await controller.Committed.ApplyAsync(storageNamespace, MetaRangeId.Empty, new GeneratedRecords(records), new ApplyOptions(AllowEmpty: true))).MetaRangeId;
        await controller.CommitAsync(Name, "main", new CommitParams("bench", "base") { SourceMetaRange = tree });
        return new DurableBenchRepository(directory, kv, controller, storageNamespace, tree);
    }

    public async ValueTask DisposeAsync()
    {
        await Kv.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
