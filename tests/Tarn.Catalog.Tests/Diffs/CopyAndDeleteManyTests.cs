using System.Text;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Diffs;

/// <summary>ObjectCatalog.CopyAsync and DeleteManyAsync (docs/objects.md, "Copying an object" and "Bulk delete").</summary>
public sealed class CopyAndDeleteManyTests
{
    private const string Repo = "repo1";
    private readonly MemoryBlockAdapter _blocks = new();
    private readonly VersionController _versions;
    private readonly ObjectCatalog _catalog;

    public CopyAndDeleteManyTests()
    {
        _versions = VersionController.Create(new MemoryKvStore(), _blocks);
        _catalog = new ObjectCatalog(_versions, _blocks);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_keeps_identity_fields_with_a_new_address_and_independent_data()
    {
        await CreateRepo();
        var source = await Upload("src", "bytes", new Dictionary<string, string> { ["k"] = "v" });

        var copy = await _catalog.CopyAsync(Repo, "", "src", "main", "dst", Ct);

        Assert.NotEqual(source.Address, copy.Address);
        Assert.Equal(source.Checksum, copy.Checksum);
        Assert.Equal(source.Size, copy.Size);
        Assert.Equal(source.ContentType, copy.ContentType);
        Assert.Equal("v", copy.Metadata["k"]);
        await using var content = await _catalog.OpenAsync(Repo, "main", "dst", cancellationToken: Ct);
        using var reader = new StreamReader(content.Data.Data);
        Assert.Equal("bytes", await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Copy_of_a_missing_source_stages_nothing()
    {
        await CreateRepo();

        var error = await Assert.ThrowsAsync<TarnException>(() => _catalog.CopyAsync(Repo, "main", "absent", "main", "dst", Ct));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Null(await _versions.GetAsync(Repo, "main", "dst"u8.ToArray(), Ct));
    }

    [Fact]
    public async Task Delete_many_skips_empty_paths_reports_invalid_ones_and_404s_unknown_branches()
    {
        await CreateRepo();
        await Upload("a", "1");
        await Upload("b", "2");

        var errors = await _catalog.DeleteManyAsync(Repo, "main", ["a", "", "bad\0path", "missing"], Ct);

        var error = Assert.Single(errors);
        Assert.Equal(("bad\0path", ErrorKind.InvalidArgument), (error.Path, error.Kind));
        Assert.Null(await _versions.GetAsync(Repo, "main", "a"u8.ToArray(), Ct));
        Assert.NotNull(await _versions.GetAsync(Repo, "main", "b"u8.ToArray(), Ct));
        var missing = await Assert.ThrowsAsync<TarnException>(() => _catalog.DeleteManyAsync(Repo, "nope", ["a"], Ct));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
    }

    private Task CreateRepo() => _versions.CreateRepositoryAsync(new RepositoryCreation(Repo, "mem://bucket/" + Repo), Ct);

    private Task<Entries.ObjectEntry> Upload(string path, string text, IReadOnlyDictionary<string, string>? metadata = null) =>
        _catalog.UploadAsync(Repo, "main", path, new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/plain", metadata, false, cancellationToken: Ct);
}
