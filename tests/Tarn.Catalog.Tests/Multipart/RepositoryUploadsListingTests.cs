using Microsoft.Extensions.Time.Testing;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Multipart;
using Tarn.Catalog.Objects;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Multipart;

/// <summary><see cref="MultipartUploads.ListRepositoryUploadsAsync"/>: one repository's open uploads in S3 listing order.</summary>
public sealed class RepositoryUploadsListingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly VersionController _versions;
    private readonly MultipartUploads _uploads;

    public RepositoryUploadsListingTests()
    {
        var kv = new MemoryKvStore();
        var blocks = new MemoryBlockAdapter();
        _versions = VersionController.Create(kv, blocks, _time);
        _uploads = new MultipartUploads(new ObjectCatalog(_versions, blocks, _time), _versions, new MultipartUploadStore(kv), _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploads_are_ordered_by_key_then_initiation_time_and_exclude_other_repositories()
    {
        await CreateRepo("repo1");
        await CreateRepo("repo2");
        await _versions.CreateBranchAsync("repo1", "dev", "main", Ct);
        var earlier = await StartAsync("repo1", "main", "b.bin");
        _time.Advance(TimeSpan.FromSeconds(10));
        var later = await StartAsync("repo1", "main", "b.bin");
        var first = await StartAsync("repo1", "dev", "z.bin");
        var last = await StartAsync("repo1", "main", "c/d.bin");
        await StartAsync("repo2", "main", "b.bin");

        var listed = await _uploads.ListRepositoryUploadsAsync("repo1", Ct);

        Assert.Equal([first.UploadId, earlier.UploadId, later.UploadId, last.UploadId], listed.Select(u => u.UploadId));
        Assert.Equal(["dev/z.bin", "main/b.bin", "main/b.bin", "main/c/d.bin"], listed.Select(MultipartUploads.KeyOf));
        Assert.All(listed, upload => Assert.Equal("alice", upload.Initiator));
    }

    [Fact]
    public async Task Completed_and_aborted_uploads_are_not_listed()
    {
        await CreateRepo("repo1");
        var completed = await StartAsync("repo1", "main", "done.bin");
        var aborted = await StartAsync("repo1", "main", "gone.bin");
        var open = await StartAsync("repo1", "main", "open.bin");
        var part = await _uploads.UploadPartAsync(completed, 1, new MemoryStream([1, 2]), 2, Ct);
        await _uploads.CompleteAsync(completed, [new CompletedPart(1, part.ETag)], Ct);
        await _uploads.AbortAsync(aborted, Ct);

        var listed = await _uploads.ListRepositoryUploadsAsync("repo1", Ct);

        Assert.Equal([open.UploadId], listed.Select(u => u.UploadId));
    }

    private Task<MultipartUpload> StartAsync(string repository, string branch, string path) =>
        _uploads.CreateAsync(repository, branch, path, null, null, "alice", Ct);

    private Task CreateRepo(string repository) =>
        _versions.CreateRepositoryAsync(new RepositoryCreation(repository, "mem://bucket/" + repository), Ct);
}
