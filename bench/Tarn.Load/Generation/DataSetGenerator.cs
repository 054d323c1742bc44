using System.Diagnostics;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;
using Tarn.Kv.Sqlite;
using Tarn.Load.Api;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Load.Generation;

/// <summary>
/// Builds a repository holding N committed objects quickly, by writing through the engine directly instead of
/// the API (issue 7 item 3): it opens the server's data folder the way a quickstart server does (SQLite metadata
/// in <c>metadata/</c>, local blocks in <c>block/</c>), creates the repository, stores one object's data, and commits
/// one tree of N entries that all point at that data (built by the committed manager from a generated, sorted
/// stream, so memory stays flat). Only while no server has the folder open: the server is started afterwards.
/// </summary>
internal static class DataSetGenerator
{
    private const string Committer = "tarn-load";

    public static async Task<TimeSpan> GenerateAsync(
        string dataDirectory, string repository, string storageNamespace, int objects, long objectSize, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var time = TimeProvider.System;
        await using var kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(Path.Combine(dataDirectory, "metadata")));
        var blocks = new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(dataDirectory, "block")));
        var versions = VersionController.Create(kv, blocks, time);
        var created = await versions.CreateRepositoryAsync(new RepositoryCreation(repository, storageNamespace), cancellationToken);

        var @namespace = StorageNamespace.Parse(storageNamespace);
        var address = DataAddresses.New(time.GetUtcNow());
        var written = await blocks.PutAsync(ObjectPointer.Relative(@namespace, address), new GeneratedStream(objectSize), objectSize, cancellationToken);
        var value = EntryCodec.Encode(new ObjectEntry
        {
            Address = address,
            AddressKind = AddressKind.Relative,
            LastModified = written.LastModified,
            Size = written.Size,
            Checksum = written.ETag,
            ContentType = ObjectEntry.DefaultContentType,
            Metadata = new Dictionary<string, string>(),
        });

        var head = await versions.GetCommitAsync(repository, created.DefaultBranchId, cancellationToken);
        await using var entries = new GeneratedEntries(objects, value);
        var tree = await versions.Committed.ApplyAsync(@namespace, head.MetaRangeId, entries, new ApplyOptions(AllowEmpty: true), cancellationToken);
        await versions.CommitAsync(
            repository,
            created.DefaultBranchId,
            new CommitParams(Committer, $"tarn-load: {objects} generated objects") { SourceMetaRange = tree.MetaRangeId, AllowEmpty = true },
            cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }
}
