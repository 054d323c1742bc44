using Tarn.Api.Contracts;
using Tarn.Api.Objects;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;

namespace Tarn.Api.Tests.Objects;

public sealed class ObjectStatsMapperTests : IDisposable
{
    private static readonly DateTimeOffset Written = new(2023, 11, 14, 22, 13, 20, 456, TimeSpan.Zero);
    private static readonly StorageNamespace LocalNamespace = StorageNamespace.Parse("local://r1/");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tarn-stats-" + Guid.NewGuid().ToString("N"));
    private readonly LocalBlockAdapter _local;

    public ObjectStatsMapperTests() => _local = new LocalBlockAdapter(new LocalBlockstoreOptions(_root));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_relative_local_entry_shows_local_and_the_absolute_file_path()
    {
        var stats = ObjectStatsMapper.ForObject("a/b.csv", Entry(), LocalNamespace, _local, MetadataField.Always);

        Assert.Equal($"local://{_local.RootPath}/r1/data/gabc/cdef", stats.PhysicalAddress);
        Assert.Equal("a/b.csv", stats.Path);
        Assert.Equal(PathType.Object, stats.PathType);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", stats.Checksum);
        Assert.Equal(5, stats.SizeBytes);
        Assert.Equal(1_700_000_000, stats.Mtime);
        Assert.Equal("text/csv", stats.ContentType);
        Assert.Equal("jane", stats.Metadata!["owner"]);
        Assert.Null(stats.PhysicalAddressExpiry);
    }

    [Fact]
    public void A_relative_entry_elsewhere_is_joined_to_its_namespace()
    {
        var stats = ObjectStatsMapper.ForObject(
            "x", Entry(), StorageNamespace.Parse("mem://bucket/repos/r1/"), new MemoryBlockAdapter(), MetadataField.Always);

        Assert.Equal("mem://bucket/repos/r1/data/gabc/cdef", stats.PhysicalAddress);
    }

    [Fact]
    public void A_full_address_is_shown_as_stored()
    {
        var entry = Entry() with { Address = "local:///elsewhere/imported.csv", AddressKind = AddressKind.Full };

        var stats = ObjectStatsMapper.ForObject("x", entry, LocalNamespace, _local, MetadataField.Always);

        Assert.Equal("local:///elsewhere/imported.csv", stats.PhysicalAddress);
        Assert.Equal(AddressType.Full, ObjectCatalog.PointerOf(entry, LocalNamespace).AddressType);
    }

    [Fact]
    public void An_entry_without_time_has_mtime_0_and_an_empty_content_type_reads_as_octet_stream()
    {
        var entry = Entry() with { LastModified = null, ContentType = "" };

        var stats = ObjectStatsMapper.ForObject("x", entry, LocalNamespace, _local, MetadataField.Always);

        Assert.Equal(0, stats.Mtime);
        Assert.Equal("application/octet-stream", stats.ContentType);
    }

    [Theory]
    [InlineData(MetadataField.Always, true, true)]
    [InlineData(MetadataField.Always, false, true)]
    [InlineData(MetadataField.AlwaysEmpty, true, true)]
    [InlineData(MetadataField.WhenNonEmpty, true, true)]
    [InlineData(MetadataField.WhenNonEmpty, false, false)]
    [InlineData(MetadataField.Omitted, true, false)]
    public void Metadata_appears_as_the_operation_shows_it(MetadataField field, bool entryHasMetadata, bool present)
    {
        var entry = entryHasMetadata ? Entry() : Entry() with { Metadata = new Dictionary<string, string>() };

        var stats = ObjectStatsMapper.ForObject("x", entry, LocalNamespace, _local, field);

        Assert.Equal(present, stats.Metadata is not null);
        if (field == MetadataField.AlwaysEmpty || !entryHasMetadata)
        {
            Assert.Empty(stats.Metadata ?? new Dictionary<string, string>());
        }
    }

    [Fact]
    public void A_common_prefix_has_zero_values_and_no_optional_fields()
    {
        var stats = ObjectStatsMapper.ForCommonPrefix("a/");

        Assert.Equal(
            new ObjectStats { Path = "a/", PathType = PathType.CommonPrefix, PhysicalAddress = "", Checksum = "", Mtime = 0 },
            stats);
    }

    [Fact]
    public void A_presigned_address_replaces_the_physical_one_with_its_expiry()
    {
        var stats = ObjectStatsMapper.ForObject("x", Entry(), LocalNamespace, _local, MetadataField.Always);

        var presigned = ObjectStatsMapper.WithPresignedAddress(stats, "http://h/_tarn/presigned/t", DateTimeOffset.FromUnixTimeSeconds(1_700_000_900));

        Assert.Equal("http://h/_tarn/presigned/t", presigned.PhysicalAddress);
        Assert.Equal(1_700_000_900, presigned.PhysicalAddressExpiry);
        Assert.Equal(stats.Checksum, presigned.Checksum);
    }

    private static ObjectEntry Entry() => new()
    {
        Address = "data/gabc/cdef",
        LastModified = Written,
        Size = 5,
        Checksum = "5d41402abc4b2a76b9719d911017c592",
        ContentType = "text/csv",
        Metadata = new Dictionary<string, string> { ["owner"] = "jane" },
    };
}
