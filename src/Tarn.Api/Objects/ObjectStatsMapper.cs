using Tarn.Api.Contracts;
using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;

namespace Tarn.Api.Objects;

/// <summary>
/// Turns catalog entries into <see cref="ObjectStats"/> as lakeFS shows them (docs/http-api.md, "JSON shapes"):
/// fully qualified physical addresses, Unix-second mtimes (0 when unknown), and metadata only where the
/// operation shows it.
/// </summary>
public static class ObjectStatsMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <summary>The stats of the object stored at <paramref name="path"/>.</summary>
    public static ObjectStats ForObject(
        string path, ObjectEntry entry, StorageNamespace storageNamespace, IBlockAdapter adapter, MetadataField metadata)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entry);
        return new ObjectStats
        {
            Path = path,
            PathType = PathType.Object,
            PhysicalAddress = PhysicalAddress(entry, storageNamespace, adapter),
            Checksum = entry.Checksum,
            SizeBytes = entry.Size,
            Mtime = entry.LastModified?.ToUnixTimeSeconds() ?? 0,
            ContentType = string.IsNullOrEmpty(entry.ContentType) ? ObjectEntry.DefaultContentType : entry.ContentType,
            Metadata = metadata switch
            {
                MetadataField.Always => entry.Metadata,
                MetadataField.AlwaysEmpty => NoMetadata,
                MetadataField.WhenNonEmpty when entry.Metadata.Count > 0 => entry.Metadata,
                _ => null,
            },
        };
    }

    /// <summary>A common prefix of a delimited listing: the required fields as <c>""</c> and 0.</summary>
    public static ObjectStats ForCommonPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new ObjectStats { Path = prefix, PathType = PathType.CommonPrefix, PhysicalAddress = string.Empty, Checksum = string.Empty, Mtime = 0 };
    }

    /// <summary>
    /// Replaces the address by a presigned URL and its expiry (Unix seconds), as listings and stat do with
    /// <c>presign=true</c>.
    /// </summary>
    public static ObjectStats WithPresignedAddress(ObjectStats stats, string presignedUrl, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentException.ThrowIfNullOrEmpty(presignedUrl);
        return stats with { PhysicalAddress = presignedUrl, PhysicalAddressExpiry = expiresAt?.ToUnixTimeSeconds() };
    }

    /// <summary>
    /// The fully qualified address shown as <c>physical_address</c>: a relative address joined to the namespace
    /// by the adapter (for the local store that is <c>local://</c> + the absolute file path), a full address as
    /// it was stored.
    /// </summary>
    public static string PhysicalAddress(ObjectEntry entry, StorageNamespace storageNamespace, IBlockAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(adapter);
        return entry.AddressKind == AddressKind.Full
            ? entry.Address
            : adapter.GetPhysicalAddress(ObjectCatalog.PointerOf(entry, storageNamespace));
    }
}
