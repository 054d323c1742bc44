using System.Security.Cryptography;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Multipart;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Multipart;

public sealed class MultipartUploadsTests
{
    private const string Repo = "repo1";
    private readonly MemoryKvStore _kv = new();
    private readonly MemoryBlockAdapter _blocks = new();
    private readonly VersionController _versions;
    private readonly ObjectCatalog _catalog;
    private readonly MultipartUploads _uploads;

    public MultipartUploadsTests()
    {
        _versions = VersionController.Create(_kv, _blocks);
        _catalog = new ObjectCatalog(_versions, _blocks);
        _uploads = new MultipartUploads(_catalog, _versions, new MultipartUploadStore(_kv));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Completing_stages_the_listed_parts_with_the_records_metadata()
    {
        await CreateRepo();
        var upload = await _uploads.CreateAsync(Repo, "main", "a/big.bin", "text/csv", new Dictionary<string, string> { ["X-Amz-Meta-K"] = "v" }, "alice", Ct);
        var one = await _uploads.UploadPartAsync(upload, 1, new MemoryStream([1, 2, 3]), 3, Ct);
        var two = await _uploads.UploadPartAsync(upload, 2, new MemoryStream([4, 5]), -1, Ct);

        var done = await _uploads.CompleteAsync(upload, [new CompletedPart(1, one.ETag), new CompletedPart(2, "\"" + two.ETag + "\"")], Ct);

        Assert.EndsWith("-2", done.ETag);
        var entry = await _catalog.StatAsync(Repo, "main", "a/big.bin", Ct);
        Assert.Equal(done.ETag, entry.Checksum);
        Assert.Equal(5, entry.Size);
        Assert.Equal("text/csv", entry.ContentType);
        Assert.Equal("v", entry.Metadata["X-Amz-Meta-K"]);
        await using var content = await _catalog.OpenAsync(Repo, "main", "a/big.bin", cancellationToken: Ct);
        var read = new MemoryStream();
        await content.Data.Data.CopyToAsync(read, Ct);
        Assert.Equal([1, 2, 3, 4, 5], read.ToArray());
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync(upload.UploadId, Repo, "main", "a/big.bin", Ct));
    }

    [Fact]
    public async Task An_upload_is_found_only_for_its_own_repository_branch_and_path()
    {
        await CreateRepo();
        await _versions.CreateBranchAsync(Repo, "other", "main", Ct);
        var upload = await _uploads.CreateAsync(Repo, "main", "p", null, null, null, Ct);

        var found = await _uploads.GetAsync(upload.UploadId, Repo, "main", "p", Ct);

        Assert.Equal(upload, found with { Metadata = upload.Metadata });
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync(upload.UploadId, Repo, "main", "q", Ct));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync(upload.UploadId, Repo, "other", "p", Ct));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync("unknown", Repo, "main", "p", Ct));
    }

    [Fact]
    public async Task Parts_are_listed_in_order_and_paged()
    {
        await CreateRepo();
        var upload = await _uploads.CreateAsync(Repo, "main", "p", null, null, null, Ct);
        foreach (var number in new[] { 3, 1, 2 })
        {
            await _uploads.UploadPartAsync(upload, number, new MemoryStream([(byte)number]), 1, Ct);
        }

        var first = await _uploads.ListPartsAsync(upload, 0, 2, Ct);
        var rest = await _uploads.ListPartsAsync(upload, 2, 2, Ct);

        Assert.Equal([1, 2], first.Parts.Select(p => p.PartNumber));
        Assert.True(first.HasMore);
        Assert.Equal([3], rest.Parts.Select(p => p.PartNumber));
        Assert.False(rest.HasMore);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData([3])), rest.Parts[0].ETag);
    }

    [Fact]
    public async Task A_part_copy_takes_a_range_of_another_object()
    {
        await CreateRepo();
        await _catalog.UploadAsync(Repo, "main", "src", new MemoryStream([10, 11, 12, 13, 14]), null, null, ifAbsent: false, cancellationToken: Ct);
        var upload = await _uploads.CreateAsync(Repo, "main", "dst", null, null, null, Ct);

        var part = await _uploads.UploadPartCopyAsync(upload, 1, Repo, "main", "src", ByteRange.FromTo(1, 3), Ct);
        await _uploads.CompleteAsync(upload, [new CompletedPart(1, part.ETag)], Ct);

        Assert.Equal(3, part.Size);
        var entry = await _catalog.StatAsync(Repo, "main", "dst", Ct);
        Assert.Equal(3, entry.Size);
    }

    [Fact]
    public async Task Abort_forgets_the_upload_and_a_bad_part_list_keeps_it_open()
    {
        await CreateRepo();
        var upload = await _uploads.CreateAsync(Repo, "main", "p", null, null, null, Ct);
        await _uploads.UploadPartAsync(upload, 1, new MemoryStream([1]), 1, Ct);

        await Assert.ThrowsAsync<InvalidPartListException>(() => _uploads.CompleteAsync(upload, [new CompletedPart(1, "00")], Ct));
        await _uploads.GetAsync(upload.UploadId, Repo, "main", "p", Ct);
        await _uploads.AbortAsync(upload, Ct);

        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync(upload.UploadId, Repo, "main", "p", Ct));
        Assert.Empty((await new MultipartUploadStore(_kv).ListPartsAsync(upload.UploadId, 0, 10, Ct)).Parts);
    }

    [Fact]
    public async Task Creating_on_a_missing_branch_fails_before_anything_is_recorded()
    {
        await CreateRepo();

        var error = await Assert.ThrowsAnyAsync<TarnException>(() => _uploads.CreateAsync(Repo, "nope", "p", null, null, null, Ct));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Expiry_aborts_only_uploads_started_before_the_cutoff()
    {
        await CreateRepo();
        var upload = await _uploads.CreateAsync(Repo, "main", "old", null, null, null, Ct);
        await _uploads.UploadPartAsync(upload, 1, new MemoryStream([1]), 1, Ct);

        var none = await _uploads.ExpireAsync(upload.CreatedAt.AddHours(-1), Ct);
        await _uploads.GetAsync(upload.UploadId, Repo, "main", "old", Ct);
        var all = await _uploads.ExpireAsync(upload.CreatedAt.AddSeconds(1), Ct);

        Assert.Equal((0, 1), (none, all));
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() => _uploads.GetAsync(upload.UploadId, Repo, "main", "old", Ct));
        var pointer = ObjectPointer.Relative(await _catalog.StorageNamespaceAsync(Repo, Ct), upload.Address);
        await Assert.ThrowsAsync<MultipartUploadNotFoundException>(() =>
            _blocks.UploadPartAsync(pointer, upload.UploadId, 2, new MemoryStream([2]), 1, Ct));
    }

    private Task CreateRepo() => _versions.CreateRepositoryAsync(new RepositoryCreation(Repo, "mem://bucket/" + Repo), Ct);
}
