using Tarn.Blocks.Local;
using Tarn.Core;

namespace Tarn.Blocks.Tests;

/// <summary>
/// The contract for the local-filesystem store, plus what only a filesystem can get wrong: paths that
/// escape the root, temporary files left behind, and the on-disk layout lakeFS users rely on.
/// </summary>
public sealed class LocalBlockAdapterTests : BlockAdapterContract
{
    private readonly string _sandbox = Directory.CreateTempSubdirectory("tarn-blocks-").FullName;

    private string Root => Path.Combine(_sandbox, "root");

    private LocalBlockAdapter Local => (LocalBlockAdapter)Adapter;

    protected override IBlockAdapter CreateAdapter() => new LocalBlockAdapter(new LocalBlockstoreOptions(Root));

    protected override void Dispose(bool disposing)
    {
        Directory.Delete(_sandbox, recursive: true);
        base.Dispose(disposing);
    }

    [Fact]
    public void The_root_is_created_and_reported_as_an_absolute_path()
    {
        Assert.Equal(Root, Local.RootPath);
        Assert.True(Directory.Exists(Root));
    }

    [Fact]
    public async Task A_namespace_is_a_folder_under_the_root()
    {
        var storageNamespace = StorageNamespace.Parse("local://repo1/nested/");

        await Adapter.PutAsync(ObjectPointer.Relative(storageNamespace, "data/x"), new MemoryStream([7, 8]), 2, Ct);

        Assert.Equal([7, 8], await File.ReadAllBytesAsync(Path.Combine(Root, "repo1", "nested", "data", "x"), Ct));
    }

    [Fact]
    public void Physical_addresses_are_local_scheme_plus_the_absolute_path()
    {
        var address = Adapter.GetPhysicalAddress(ObjectPointer.Relative(StorageNamespace.Parse("local://r1"), "data/g/c"));

        Assert.Equal($"local://{Root}/r1/data/g/c", address);
        Assert.StartsWith("local:///", address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_namespace_style_full_address_resolves_under_the_root()
    {
        await Adapter.PutAsync(ObjectPointer.Relative(StorageNamespace.Parse("local://r1"), "k"), new MemoryStream([1]), 1, Ct);

        Assert.Equal([1], await GetAsync(ObjectPointer.Full("local://r1/k")));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a\0b")]
    [InlineData("..\\..\\x")]
    [InlineData("a/../../../root2/x")]
    public async Task Keys_that_try_to_escape_the_root_are_refused_and_create_nothing(string key)
    {
        await AssertRefusedAsync(() => PutAsync(key, [1, 2, 3]));
        await AssertRefusedAsync(() => Adapter.GetAsync(Key(key), null, Ct));
        await AssertRefusedAsync(() => Adapter.DeleteAsync(Key(key), Ct));
        await AssertRefusedAsync(() => Adapter.CreateMultipartUploadAsync(Key(key), Ct));

        AssertNothingOutsideTheRoot();
    }

    [Theory]
    [InlineData("local://../x")]
    [InlineData("local://a/../../x")]
    [InlineData("local://.tarn-multipart/x")]
    public async Task Namespaces_that_try_to_escape_the_root_are_refused(string storageNamespace)
    {
        var parsed = StorageNamespace.Parse(storageNamespace);

        await AssertRefusedAsync(() => Adapter.PutAsync(ObjectPointer.Relative(parsed, "k"), new MemoryStream([1]), 1, Ct));
        await AssertRefusedAsync(async () => await Adapter.ListAsync(parsed, "", Ct).ToListAsync(Ct));

        AssertNothingOutsideTheRoot();
    }

    [Fact]
    public async Task Full_addresses_outside_the_root_are_refused()
    {
        string[] addresses = ["local:///etc/passwd", $"local://{Root}/../outside", $"local://{Root}2/x", $"local://{Root}/a/../../x", "local://../x"];

        foreach (var address in addresses)
        {
            await AssertRefusedAsync(() => Adapter.PutAsync(ObjectPointer.Full(address), new MemoryStream([1]), 1, Ct));
            await AssertRefusedAsync(() => Adapter.GetAsync(ObjectPointer.Full(address), null, Ct));
        }

        AssertNothingOutsideTheRoot();
    }

    [Fact]
    public async Task No_temporary_files_remain_after_successful_or_failed_writes()
    {
        await PutAsync("ok", TestData.Bytes(300_000));
        await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("short", TestData.Bytes(100), expectedSize: 50));
        using (var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var source = new CancelAfterStream(total: 2_000_000, cancelAfter: 200_000, cancellation);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Adapter.PutAsync(Key("cancelled"), source, -1, cancellation.Token));
        }

        var uploadId = await Adapter.CreateMultipartUploadAsync(Key("mp"), Ct);
        var part = await Adapter.UploadPartAsync(Key("mp"), uploadId, 1, new MemoryStream([1, 2, 3]), 3, Ct);
        await Assert.ThrowsAnyAsync<TarnException>(() => Adapter.UploadPartAsync(Key("mp"), uploadId, 2, new MemoryStream([1]), 5, Ct));
        await Assert.ThrowsAsync<InvalidPartListException>(
            () => Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, part.ETag), new(2, "00")], Ct));
        await Adapter.CompleteMultipartUploadAsync(Key("mp"), uploadId, [new(1, part.ETag)], Ct);

        var leftovers = Directory.EnumerateFiles(Root, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories);
        Assert.Empty(leftovers);
        Assert.False(File.Exists(Path.Combine(Root, Namespace.Root, Namespace.Prefix, "short")));
        Assert.False(File.Exists(Path.Combine(Root, Namespace.Root, Namespace.Prefix, "cancelled")));
    }

    [Fact]
    public async Task Upload_folders_are_removed_on_complete_and_abort()
    {
        var completed = await Adapter.CreateMultipartUploadAsync(Key("a"), Ct);
        var part = await Adapter.UploadPartAsync(Key("a"), completed, 1, new MemoryStream([1]), 1, Ct);
        var aborted = await Adapter.CreateMultipartUploadAsync(Key("b"), Ct);
        await Adapter.UploadPartAsync(Key("b"), aborted, 1, new MemoryStream([1]), 1, Ct);

        await Adapter.CompleteMultipartUploadAsync(Key("a"), completed, [new(1, part.ETag)], Ct);
        await Adapter.AbortMultipartUploadAsync(Key("b"), aborted, Ct);

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Root, ".tarn-multipart")));
    }

    [Fact]
    public async Task A_key_cannot_be_both_an_object_and_a_folder()
    {
        await PutAsync("a", [1]);
        await PutAsync("b/c", [1]);

        var under = await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("a/b", [2]));
        var over = await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("b", [2]));

        Assert.Equal(ErrorKind.Conflict, under.Kind);
        Assert.Equal(ErrorKind.Conflict, over.Kind);
        Assert.Null(await Adapter.HeadAsync(Key("b"), Ct));
        await Assert.ThrowsAsync<BlockNotFoundException>(() => Adapter.GetAsync(Key("b"), null, Ct));
    }

    [Fact]
    public void A_home_relative_root_is_expanded()
    {
        var adapter = new LocalBlockAdapter(new LocalBlockstoreOptions("~/" + Path.GetRelativePath(HomeDirectory(), Root)));

        Assert.Equal(Root, adapter.RootPath);
    }

    private static string HomeDirectory() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static async Task AssertRefusedAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAnyAsync<TarnException>(action);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    private void AssertNothingOutsideTheRoot()
    {
        Assert.Equal([Root], Directory.EnumerateFileSystemEntries(_sandbox));
        Assert.Empty(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories));
    }
}
