using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Committed.RangeFiles;
using Tarn.Versioning.Model;
using static Tarn.Versioning.Tests.Committed.TestTrees;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>The same trees on the local file system: files land under <c>_lakefs/</c> and survive a restart (a new manager).</summary>
public sealed class LocalStorageTests : IDisposable
{
    private static readonly StorageNamespace Local = StorageNamespace.Parse("local://repo/data");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tarn-committed-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CommittedManager NewManager() => new(new LocalBlockAdapter(new LocalBlockstoreOptions(_root)), SmallRanges());

    private async Task<MetaRangeId> ApplyAsync(CommittedManager manager, MetaRangeId baseId, ListIterator changes) =>
        (await manager.ApplyAsync(Local, baseId, changes, new ApplyOptions(AllowEmpty: true), _ct)).MetaRangeId;

    [Fact]
    public async Task Trees_are_stored_as_files_and_read_back_by_a_new_manager()
    {
        var writer = NewManager();
        var id = await ApplyAsync(writer, MetaRangeId.Empty, Changes([.. Enumerable.Range(0, 500).Select(i => (Key(i), (Value?)V($"v{i}")))]));
        var ranges = await writer.GetRangesAsync(Local, id, _ct);

        Assert.True(File.Exists(Path.Combine(_root, "repo", "data", "_lakefs", id.Value)));
        Assert.All(ranges, r => Assert.True(File.Exists(Path.Combine(_root, "repo", "data", "_lakefs", r.Id.Value))));

        var reader = NewManager();
        Assert.Equal("v321", ContentOf((await reader.GetAsync(Local, id, K(Key(321)), _ct))!));
        var (changed, _) = await reader.ApplyAsync(Local, id, Changes((Key(3), null)), new ApplyOptions(), _ct);
        await using var diff = await reader.DiffAsync(Local, id, changed, _ct);
        Assert.True(await diff.MoveNextAsync(_ct));
        Assert.Equal((DiffType.Removed, Key(3)), (diff.Current.Type, S(diff.Current.Key)));
        Assert.False(await diff.MoveNextAsync(_ct));
    }

    [Fact]
    public async Task A_damaged_file_on_disk_is_reported_as_corrupt()
    {
        var id = await ApplyAsync(NewManager(), MetaRangeId.Empty, Changes(("a", V("1")), ("b", V("2"))));
        var range = (await NewManager().GetRangesAsync(Local, id, _ct))[0];
        var path = Path.Combine(_root, "repo", "data", "_lakefs", range.Id.Value);
        var bytes = await File.ReadAllBytesAsync(path, _ct);
        bytes[2] ^= 1;
        await File.WriteAllBytesAsync(path, bytes, _ct);

        await Assert.ThrowsAsync<RangeFileCorruptException>(() => NewManager().GetAsync(Local, id, K("a"), _ct));
    }
}
