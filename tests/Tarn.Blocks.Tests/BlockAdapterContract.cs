using Tarn.Core;

namespace Tarn.Blocks.Tests;

/// <summary>
/// The behaviour every <see cref="IBlockAdapter"/> must show, run once per adapter by deriving from
/// this class. This file covers writes, reads, head, delete, addressing and cancellation; the other
/// parts cover ranges, listing and multipart uploads.
/// </summary>
public abstract partial class BlockAdapterContract : IDisposable
{
    private IBlockAdapter? _adapter;
    private StorageNamespace? _namespace;

    protected IBlockAdapter Adapter => _adapter ??= CreateAdapter();

    /// <summary>A namespace of the adapter's type that no other test uses.</summary>
    protected StorageNamespace Namespace =>
        _namespace ??= StorageNamespace.Parse($"{Adapter.Description.BlockstoreType}://repo-{Guid.NewGuid():N}/prefix");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract IBlockAdapter CreateAdapter();

    protected virtual void Dispose(bool disposing)
    {
    }

    protected ObjectPointer Key(string key) => ObjectPointer.Relative(Namespace, key);

    protected async Task<BlockWriteResult> PutAsync(string key, byte[] data, long? expectedSize = null) =>
        await Adapter.PutAsync(Key(key), new MemoryStream(data), expectedSize ?? data.Length, Ct);

    protected async Task<byte[]> GetAsync(ObjectPointer pointer, ByteRange? range = null) =>
        await TestData.ReadAllAsync(await Adapter.GetAsync(pointer, range, Ct));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((4 * 1024 * 1024) + 17)]
    public async Task Put_then_get_returns_the_same_bytes_size_and_md5(int length)
    {
        var data = TestData.Bytes(length);

        var written = await PutAsync("data/object", data);

        Assert.Equal(length, written.Size);
        Assert.Equal(TestData.Md5Hex(data), written.ETag);
        Assert.Equal(data, await GetAsync(Key("data/object")));
        var head = await Adapter.HeadAsync(Key("data/object"), Ct);
        Assert.NotNull(head);
        Assert.Equal(length, head.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData((1024 * 1024) + 3)]
    public async Task Content_addressed_put_stores_the_bytes_and_replaces_nothing_else(int length)
    {
        var data = TestData.Bytes(length);
        await PutAsync("_lakefs/other", [1, 2, 3]);

        await Adapter.PutContentAddressedAsync(Key("_lakefs/abc"), data, Ct);

        Assert.Equal(data, await GetAsync(Key("_lakefs/abc")));
        Assert.Equal(length, (await Adapter.HeadAsync(Key("_lakefs/abc"), Ct))!.Size);
        Assert.Equal([1, 2, 3], await GetAsync(Key("_lakefs/other")));
        await Assert.ThrowsAsync<TarnException>(() => Adapter.PutContentAddressedAsync(ObjectPointer.Relative(Namespace, "../escape"), data, Ct));
    }

    [Fact]
    public async Task Put_with_unknown_size_measures_the_stream()
    {
        var data = TestData.Bytes(1000);

        var written = await Adapter.PutAsync(Key("k"), new MemoryStream(data), -1, Ct);

        Assert.Equal(1000, written.Size);
        Assert.Equal(TestData.Md5Hex(data), written.ETag);
    }

    [Fact]
    public async Task Put_replaces_an_existing_object()
    {
        await PutAsync("k", TestData.Bytes(100, seed: 1));
        var second = TestData.Bytes(50, seed: 2);

        await PutAsync("k", second);

        Assert.Equal(second, await GetAsync(Key("k")));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(101)]
    [InlineData(0)]
    public async Task Put_with_a_wrong_expected_size_stores_nothing(long expectedSize)
    {
        var error = await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("new", TestData.Bytes(100), expectedSize));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Null(await Adapter.HeadAsync(Key("new"), Ct));
    }

    [Fact]
    public async Task A_failed_put_leaves_the_previous_object_intact()
    {
        var original = TestData.Bytes(64);
        await PutAsync("k", original);

        await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("k", TestData.Bytes(100, seed: 9), expectedSize: 10));

        Assert.Equal(original, await GetAsync(Key("k")));
    }

    [Fact]
    public async Task Put_refuses_an_expected_size_below_minus_one()
    {
        var error = await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync("k", [1], expectedSize: -2));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task Get_of_a_missing_object_reports_gone_data()
    {
        var error = await Assert.ThrowsAsync<BlockNotFoundException>(() => Adapter.GetAsync(Key("missing"), null, Ct));

        Assert.Equal(ErrorKind.Gone, error.Kind);
        Assert.Equal("No data", error.Message);
    }

    [Fact]
    public async Task An_object_key_is_not_a_folder_of_other_keys()
    {
        await PutAsync("file", [1]);

        await Assert.ThrowsAsync<BlockNotFoundException>(() => Adapter.GetAsync(Key("file/below"), null, Ct));
        Assert.Null(await Adapter.HeadAsync(Key("file/below"), Ct));
        await Adapter.DeleteAsync(Key("file/below"), Ct);
        Assert.Empty(await Adapter.ListAsync(Namespace, "file/", Ct).ToListAsync(Ct));
        Assert.Equal([1], await GetAsync(Key("file")));
    }

    [Fact]
    public async Task Head_reports_size_and_modification_time_or_null()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await PutAsync("k", TestData.Bytes(10));

        var head = await Adapter.HeadAsync(Key("k"), Ct);

        Assert.NotNull(head);
        Assert.Equal(10, head.Size);
        Assert.InRange(head.LastModified, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Null(await Adapter.HeadAsync(Key("other"), Ct));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_tolerates_missing_ones()
    {
        await PutAsync("k", TestData.Bytes(10));

        await Adapter.DeleteAsync(Key("k"), Ct);
        await Adapter.DeleteAsync(Key("k"), Ct);
        await Adapter.DeleteAsync(Key("never/there"), Ct);

        Assert.Null(await Adapter.HeadAsync(Key("k"), Ct));
        await Assert.ThrowsAsync<BlockNotFoundException>(() => Adapter.GetAsync(Key("k"), null, Ct));
    }

    [Fact]
    public async Task The_physical_address_reads_back_as_a_full_pointer()
    {
        var data = TestData.Bytes(33);
        await PutAsync("data/x/y", data);

        var address = Adapter.GetPhysicalAddress(Key("data/x/y"));

        Assert.StartsWith(Adapter.Description.BlockstoreType + "://", address, StringComparison.Ordinal);
        Assert.EndsWith("/data/x/y", address, StringComparison.Ordinal);
        Assert.Equal(data, await GetAsync(ObjectPointer.Full(address)));
    }

    [Fact]
    public async Task A_namespace_of_another_blockstore_type_is_refused()
    {
        var foreign = ObjectPointer.Relative(StorageNamespace.Parse("s3://bucket/path"), "k");

        var put = await Assert.ThrowsAnyAsync<TarnException>(() => Adapter.PutAsync(foreign, new MemoryStream([1]), 1, Ct));
        var get = await Assert.ThrowsAnyAsync<TarnException>(() => Adapter.GetAsync(ObjectPointer.Full("s3://bucket/k"), null, Ct));
        var list = await Assert.ThrowsAnyAsync<TarnException>(
            async () => await Adapter.ListAsync(StorageNamespace.Parse("s3://bucket"), "", Ct).ToListAsync(Ct));

        Assert.All([put, get, list], e => Assert.Equal(ErrorKind.InvalidArgument, e.Kind));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("/etc/passwd")]
    [InlineData("a\0b")]
    [InlineData("a\\b")]
    [InlineData(".tarn-tmp-x")]
    public async Task Unsafe_keys_are_refused(string key)
    {
        var error = await Assert.ThrowsAnyAsync<TarnException>(() => PutAsync(key, [1, 2, 3]));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Empty(await Adapter.ListAsync(Namespace, "", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_cancelled_put_stores_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Adapter.PutAsync(Key("k"), new MemoryStream([1, 2]), 2, cancellation.Token));

        Assert.Null(await Adapter.HeadAsync(Key("k"), Ct));
    }

    [Fact]
    public async Task A_put_cancelled_midway_keeps_the_previous_object()
    {
        var original = TestData.Bytes(128);
        await PutAsync("k", original);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var source = new CancelAfterStream(total: 4 * 1024 * 1024, cancelAfter: 256 * 1024, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Adapter.PutAsync(Key("k"), source, -1, cancellation.Token));

        Assert.Equal(original, await GetAsync(Key("k")));
    }

    [Fact]
    public async Task Concurrent_puts_to_one_key_leave_exactly_one_complete_value()
    {
        const int Writers = 6;
        const int Length = 512 * 1024;
        // Resolved before the writers start, so they all share one adapter and one namespace.
        var (adapter, pointer) = (Adapter, Key("contended"));
        var writes = Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            var data = new byte[Length];
            Array.Fill(data, (byte)writer);
            await adapter.PutAsync(pointer, new MemoryStream(data), Length, Ct);
        }, Ct));

        await Task.WhenAll(writes);

        var stored = await GetAsync(Key("contended"));
        Assert.Equal(Length, stored.Length);
        Assert.InRange(stored[0], 1, Writers);
        Assert.Equal(-1, stored.AsSpan().IndexOfAnyExcept(stored[0]));
    }

    [Fact]
    public void The_description_names_the_type_and_its_namespaces()
    {
        var description = Adapter.Description;

        Assert.Matches(description.NamespaceValidityRegex, description.NamespaceExample);
        Assert.Matches(description.NamespaceValidityRegex, Namespace.Canonical);
        Assert.DoesNotMatch(description.NamespaceValidityRegex, "s3://bucket/");
        Assert.StartsWith(description.BlockstoreType + "://", description.NamespaceExample, StringComparison.Ordinal);
    }
}
