using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Linking;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Linking;

public sealed class LinkedObjectsTests
{
    private const string Repo = "repo1";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly MemoryBlockAdapter _blocks = new();
    private readonly VersionController _versions;
    private readonly LinkedObjects _links;
    private readonly ObjectCatalog _catalog;

    public LinkedObjectsTests()
    {
        var kv = new MemoryKvStore();
        _versions = VersionController.Create(kv, _blocks, _time);
        _links = new LinkedObjects(_versions, _blocks, kv, _time);
        _catalog = new ObjectCatalog(_versions, _blocks, _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_issued_address_links_once_and_reads_back()
    {
        await CreateRepo();
        var issued = await _links.IssueAsync(Repo, Ct);
        Assert.StartsWith(DataAddresses.Prefix, issued.Address);
        Assert.Equal(_time.GetUtcNow() + LinkedObjects.TokenLifetime, issued.ExpiresAt);
        await WriteAsync(issued.Address, "linked bytes");

        var entry = await _links.LinkAsync(Repo, "main", "p", new LinkedData(issued.PhysicalAddress, " \"etag\" ", 12, "text/plain"), false, Ct);
        Assert.Equal("etag", entry.Checksum);
        Assert.Equal(issued.Address, entry.Address);
        await using var content = await _catalog.OpenAsync(Repo, "main", "p", null, Ct);
        Assert.Equal("linked bytes", await new StreamReader(content.Data.Data).ReadToEndAsync(Ct));

        var again = await Assert.ThrowsAsync<TarnException>(() => _links.LinkAsync(Repo, "main", "q", new LinkedData(issued.PhysicalAddress, "e", 1), false, Ct));
        Assert.Equal("bad address token (expired or invalid)", again.Message);
    }

    [Fact]
    public async Task A_token_expires_after_six_hours_and_is_consumed_by_the_failed_attempt()
    {
        await CreateRepo();
        var late = await _links.IssueAsync(Repo, Ct);
        var inTime = await _links.IssueAsync(Repo, Ct);
        _time.Advance(TimeSpan.FromHours(6));
        await _links.LinkAsync(Repo, "main", "ok", new LinkedData(inTime.PhysicalAddress, "e", 1), false, Ct);
        _time.Advance(TimeSpan.FromSeconds(1));

        var expired = await Assert.ThrowsAsync<TarnException>(() => _links.LinkAsync(Repo, "main", "p", new LinkedData(late.PhysicalAddress, "e", 1), false, Ct));
        Assert.Equal(ErrorKind.InvalidArgument, expired.Kind);
        Assert.Null(await _versions.GetAsync(Repo, "main", "p"u8.ToArray(), Ct));
    }

    [Fact]
    public async Task Concurrent_links_of_one_address_have_exactly_one_winner()
    {
        await CreateRepo();
        var issued = await _links.IssueAsync(Repo, Ct);
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await _links.LinkAsync(Repo, "main", $"p{i}", new LinkedData(issued.PhysicalAddress, "e", 1), false, Ct);
                return true;
            }
            catch (TarnException)
            {
                return false;
            }
        }, Ct));

        var results = await Task.WhenAll(attempts);
        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Staging_accepts_namespace_addresses_only_and_keeps_the_checksum_verbatim()
    {
        await CreateRepo();
        var ns = await _catalog.StorageNamespaceAsync(Repo, Ct);
        var entry = await _links.StageAsync(Repo, "main", "s", new LinkedData(ns.AddressOf("data/x"), "\"q\"", 3, LastModified: DateTimeOffset.FromUnixTimeSeconds(5)), Ct);
        Assert.Equal("\"q\"", entry.Checksum);
        Assert.Equal("data/x", entry.Address);
        Assert.Equal(5, entry.LastModified!.Value.ToUnixTimeSeconds());

        foreach (var bad in new[] { "mem://other-bucket/x", ns.AddressOf("data/../../x"), ns.AddressOf("data//x"), "local:///x", "nonsense" })
        {
            var error = await Assert.ThrowsAsync<TarnException>(() => _links.StageAsync(Repo, "main", "s2", new LinkedData(bad, "c", 1), Ct));
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        Assert.Null(await _versions.GetAsync(Repo, "main", "s2"u8.ToArray(), Ct));
    }

    [Fact]
    public async Task If_absent_refuses_an_existing_path_with_412()
    {
        await CreateRepo();
        await _catalog.UploadAsync(Repo, "main", "taken", new MemoryStream("x"u8.ToArray()), null, null, false, cancellationToken: Ct);
        var issued = await _links.IssueAsync(Repo, Ct);

        var error = await Assert.ThrowsAsync<TarnException>(() => _links.LinkAsync(Repo, "main", "taken", new LinkedData(issued.PhysicalAddress, "e", 1), true, Ct));
        Assert.Equal(ErrorKind.PreconditionFailed, error.Kind);
        Assert.Equal(LinkedObjects.PreconditionFailedMessage, error.Message);
    }

    private Task CreateRepo() => _versions.CreateRepositoryAsync(new RepositoryCreation(Repo, "mem://bucket/" + Repo), Ct);

    private async Task WriteAsync(string address, string text)
    {
        var ns = await _catalog.StorageNamespaceAsync(Repo, Ct);
        var bytes = Encoding.UTF8.GetBytes(text);
        await _blocks.PutAsync(ObjectPointer.Relative(ns, address), new MemoryStream(bytes), bytes.Length, Ct);
    }
}
