using System.Security.Cryptography;
using System.Text;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Objects;

public sealed class ObjectCatalogTests
{
    private const string Repo = "repo1";
    private readonly MemoryBlockAdapter _blocks = new();
    private readonly VersionController _versions;
    private readonly ObjectCatalog _catalog;

    public ObjectCatalogTests()
    {
        _versions = VersionController.Create(new MemoryKvStore(), _blocks);
        _catalog = new ObjectCatalog(_versions, _blocks);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_stores_data_at_a_new_address_with_md5_and_size()
    {
        await CreateRepo();
        var entry = await Upload("a/b.txt", "hello", "text/plain", new Dictionary<string, string> { ["k"] = "v" });

        Assert.StartsWith(DataAddresses.Prefix, entry.Address);
        Assert.Equal(5, entry.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("hello"u8)), entry.Checksum);
        Assert.Equal("text/plain", entry.ContentType);
        var stat = await _catalog.StatAsync(Repo, "main", "a/b.txt", Ct);
        Assert.Equal(entry.Address, stat.Address);
        Assert.Equal("v", stat.Metadata["k"]);
        Assert.Equal("hello", await Read("main", "a/b.txt"));
    }

    [Fact]
    public async Task Reupload_never_overwrites_the_earlier_data()
    {
        await CreateRepo();
        var first = await Upload("x", "one");
        var second = await Upload("x", "two");

        Assert.NotEqual(first.Address, second.Address);
        Assert.Equal("two", await Read("main", "x"));
        var ns = await _catalog.StorageNamespaceAsync(Repo, Ct);
        await using var old = await _blocks.GetAsync(ObjectPointer.Relative(ns, first.Address), cancellationToken: Ct);
        Assert.Equal("one", await new StreamReader(old.Data).ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Missing_content_type_becomes_octet_stream()
    {
        await CreateRepo();
        var entry = await Upload("x", "data", contentType: null);
        Assert.Equal("application/octet-stream", entry.ContentType);
    }

    [Fact]
    public async Task If_absent_refuses_an_existing_path_with_412_and_stages_nothing_new()
    {
        await CreateRepo();
        await Upload("x", "one");
        var error = await Assert.ThrowsAsync<TarnException>(() => Upload("x", "two", ifAbsent: true));
        Assert.Equal(ErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal("path already exists", error.Message);
        Assert.Equal("one", await Read("main", "x"));

        await Upload("fresh", "new", ifAbsent: true);
        Assert.Equal("new", await Read("main", "fresh"));
    }

    [Theory]
    [InlineData("", "argument path: missing path: required value: validation error")]
    [InlineData("a\0b", "argument path: invalid value: validation error: contains a NUL character")]
    public async Task Bad_paths_are_400_before_any_data_is_written(string path, string message)
    {
        await CreateRepo();
        var error = await Assert.ThrowsAsync<TarnException>(() => Upload(path, "x"));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.Empty(await ListAll());
    }

    [Fact]
    public async Task Paths_over_1024_bytes_are_refused_and_1024_are_accepted()
    {
        await CreateRepo();
        await Upload(new string('é', 512), "ok");
        var error = await Assert.ThrowsAsync<TarnException>(() => Upload(new string('a', 1025), "x"));
        Assert.Equal("argument path: invalid value: validation error: 1025 is above maximum length (1024)", error.Message);
    }

    [Fact]
    public async Task Unknown_branch_is_named_in_the_404()
    {
        await CreateRepo();
        var error = await Assert.ThrowsAsync<TarnException>(() => _catalog.UploadAsync(
            Repo, "nope", "x", new MemoryStream([1]), null, null, false, cancellationToken: Ct));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("branch 'nope' not found", error.Message);
    }

    [Fact]
    public async Task A_failed_write_stages_nothing()
    {
        await CreateRepo();
        var error = await Assert.ThrowsAsync<TarnException>(() => _catalog.UploadAsync(
            Repo, "main", "short", new MemoryStream([1, 2, 3]), null, null, false, expectedSize: 10, cancellationToken: Ct));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Empty(await ListAll());
    }

    [Fact]
    public async Task Stat_of_a_missing_path_is_404_not_found()
    {
        await CreateRepo();
        var error = await Assert.ThrowsAsync<TarnException>(() => _catalog.StatAsync(Repo, "main", "nothing", Ct));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("not found", error.Message);
    }

    [Fact]
    public async Task Open_reads_a_range_and_missing_data_is_410()
    {
        await CreateRepo();
        var entry = await Upload("x", "0123456789");
        await using (var content = await _catalog.OpenAsync(Repo, "main", "x", ByteRange.FromTo(2, 4), Ct))
        {
            Assert.Equal("234", await new StreamReader(content.Data.Data).ReadToEndAsync(Ct));
        }

        var ns = await _catalog.StorageNamespaceAsync(Repo, Ct);
        await _blocks.DeleteAsync(ObjectPointer.Relative(ns, entry.Address), Ct);
        var error = await Assert.ThrowsAsync<BlockNotFoundException>(() => _catalog.OpenAsync(Repo, "main", "x", null, Ct));
        Assert.Equal(ErrorKind.Gone, error.Kind);
        Assert.Equal("No data", error.Message);
    }

    [Fact]
    public async Task Delete_hides_the_path_and_deleting_a_missing_path_succeeds()
    {
        await CreateRepo();
        await Upload("x", "1");
        await _catalog.DeleteAsync(Repo, "main", "x", Ct);
        await _catalog.DeleteAsync(Repo, "main", "never-there", Ct);
        await Assert.ThrowsAsync<TarnException>(() => _catalog.StatAsync(Repo, "main", "x", Ct));
    }

    [Fact]
    public async Task List_folds_folders_and_pages_with_after()
    {
        await CreateRepo();
        foreach (var path in new[] { "a", "d/1", "d/2", "e/x/y", "z" })
        {
            await Upload(path, path);
        }

        var page = await _catalog.ListAsync(Repo, "main", "", "/", "", 2, Ct);
        Assert.Equal(["a", "d/"], page.Items.Select(i => i.Path));
        Assert.True(page.HasMore);
        var next = await _catalog.ListAsync(Repo, "main", "", "/", "d/", 10, Ct);
        Assert.Equal(["e/", "z"], next.Items.Select(i => i.Path));
        Assert.False(next.HasMore);
        var inside = await _catalog.ListAsync(Repo, "main", "d/", "/", "", 10, Ct);
        Assert.Equal(["d/1", "d/2"], inside.Items.Select(i => i.Path));
    }

    [Fact]
    public async Task Committed_objects_are_read_by_commit_id()
    {
        await CreateRepo();
        await Upload("x", "kept");
        var commit = await _versions.CommitAsync(Repo, "main", new CommitParams("tester", "add x"), Ct);
        await Upload("x", "changed");

        Assert.Equal("kept", await Read(commit.Id.Value, "x"));
        Assert.Equal("changed", await Read("main", "x"));
    }

    [Fact]
    public void Data_addresses_are_unique_and_carry_their_issue_time()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var first = DataAddresses.New(now);
        Assert.NotEqual(first, DataAddresses.New(now));
        Assert.Equal(25, first.Length);
        Assert.Equal(now, DataAddresses.IssuedAt(first));
    }

    private Task CreateRepo() => _versions.CreateRepositoryAsync(new RepositoryCreation(Repo, "mem://bucket/" + Repo), Ct);

    private Task<Entries.ObjectEntry> Upload(
        string path, string text, string? contentType = "text/plain", IReadOnlyDictionary<string, string>? metadata = null, bool ifAbsent = false) =>
        _catalog.UploadAsync(Repo, "main", path, new MemoryStream(Encoding.UTF8.GetBytes(text)), contentType, metadata, ifAbsent, cancellationToken: Ct);

    private async Task<string> Read(string reference, string path)
    {
        await using var content = await _catalog.OpenAsync(Repo, reference, path, null, Ct);
        return await new StreamReader(content.Data.Data).ReadToEndAsync(Ct);
    }

    private async Task<IReadOnlyList<Listing.ListItem>> ListAll() => (await _catalog.ListAsync(Repo, "main", "", "", "", 1000, Ct)).Items;
}
