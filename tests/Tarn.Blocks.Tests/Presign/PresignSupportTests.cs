using Tarn.Blocks.Local;
using Tarn.Blocks.Memory;
using Tarn.Blocks.Presign;
using Tarn.Core;

namespace Tarn.Blocks.Tests.Presign;

public sealed class PresignSupportTests
{
    [Fact]
    public void Adapters_that_report_no_presign_support_are_refused_with_a_400()
    {
        var adapter = new MemoryBlockAdapter();

        Assert.False(PresignSupport.IsSupported(adapter));
        var error = Assert.Throws<TarnException>(() => PresignSupport.Require(adapter));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith(PresignSupport.NotSupportedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_s_description_decides()
    {
        var adapter = new DescribedAdapter(new MemoryBlockAdapter().Description with { PreSignSupport = true });

        Assert.True(PresignSupport.IsSupported(adapter));
        PresignSupport.Require(adapter);
    }

    [Fact]
    public void The_local_adapter_claims_support_because_tarn_serves_its_urls()
    {
        var root = Path.Combine(Path.GetTempPath(), "tarn-presign-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.True(PresignSupport.IsSupported(new LocalBlockAdapter(new LocalBlockstoreOptions(root))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>An adapter that only describes itself; presign support is a property of the description.</summary>
    private sealed class DescribedAdapter(BlockstoreDescription description) : IBlockAdapter
    {
        public BlockstoreDescription Description => description;

        public string GetPhysicalAddress(ObjectPointer pointer) => throw new NotSupportedException();

        public Task<BlockWriteResult> PutAsync(ObjectPointer pointer, Stream data, long expectedSize, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task PutContentAddressedAsync(ObjectPointer pointer, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<BlockContent> GetAsync(ObjectPointer pointer, ByteRange? range = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<BlockProperties?> HeadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DeleteAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<BlockListEntry> ListAsync(StorageNamespace storageNamespace, string prefix, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<string> CreateMultipartUploadAsync(ObjectPointer pointer, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<UploadedPart> UploadPartAsync(
            ObjectPointer pointer, string uploadId, int partNumber, Stream data, long expectedSize, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<BlockWriteResult> CompleteMultipartUploadAsync(
            ObjectPointer pointer, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task AbortMultipartUploadAsync(ObjectPointer pointer, string uploadId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
