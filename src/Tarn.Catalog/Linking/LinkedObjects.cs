using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Linking;

/// <summary>
/// Objects whose data the client writes itself (docs/objects.md, "Linking data the client wrote"): hands out staging addresses, then links
/// the written data at a path (<c>getPhysicalAddress</c> / <c>linkPhysicalAddress</c>), and stages entries for
/// data already in the store (<c>stageObject</c>).
/// </summary>
/// <remarks>
/// Only addresses inside the repository's storage namespace can be linked or staged. lakeFS also accepts
/// addresses elsewhere in the store; with a local store that would let one repository register another's
/// files (everything lives under one root), so Tarn refuses them until a store with its own access
/// control for external data (S3) is configured.
/// </remarks>
public sealed class LinkedObjects
{
    /// <summary>The 412 text when <c>If-None-Match: *</c> meets an existing path.</summary>
    public const string PreconditionFailedMessage = "Precondition failed";

    private readonly VersionController _versions;
    private readonly IBlockAdapter _blocks;
    private readonly LinkTokens _tokens;
    private readonly TimeProvider _time;

    public LinkedObjects(VersionController versions, IBlockAdapter blocks, IKvStore kv, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(kv);
        _versions = versions;
        _blocks = blocks;
        _time = time ?? TimeProvider.System;
        _tokens = new LinkTokens(kv, _time);
    }

    /// <summary>How long an issued address stays linkable.</summary>
    public static TimeSpan TokenLifetime => LinkTokens.Lifetime;

    /// <summary>
    /// A new address in the repository's namespace, registered for one link within <see cref="TokenLifetime"/>.
    /// The branch is not checked: it matters only when linking.
    /// </summary>
    public async Task<IssuedAddress> IssueAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var repository = await _versions.GetRepositoryAsync(repositoryId, cancellationToken);
        var storageNamespace = StorageNamespace.Parse(repository.StorageNamespace);
        var now = _time.GetUtcNow();
        var address = DataAddresses.New(now);
        await _tokens.RegisterAsync(repository, address, cancellationToken);
        var physicalAddress = _blocks.GetPhysicalAddress(ObjectPointer.Relative(storageNamespace, address));
        return new IssuedAddress(address, physicalAddress, now + TokenLifetime);
    }

    /// <summary>
    /// Links data written to an issued address at <paramref name="path"/> on the branch, consuming the
    /// address's token. With <paramref name="ifAbsent"/> an existing path is a 412.
    /// </summary>
    public async Task<ObjectEntry> LinkAsync(
        string repositoryId, string branchId, string path, LinkedData data, bool ifAbsent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var key = ObjectPaths.ToKey(path);
        var repository = await _versions.GetRepositoryAsync(repositoryId, cancellationToken);
        var address = InsideNamespace(repository, data.PhysicalAddress);
        await _tokens.ConsumeAsync(repository, address, cancellationToken);
        var checksum = data.Checksum.Trim().Trim('"').Trim();
        if (checksum.Length == 0)
        {
            throw TarnException.Invalid("checksum is required");
        }

        return await StageEntryAsync(repositoryId, branchId, key, address, data with { Checksum = checksum }, ifAbsent, cancellationToken);
    }

    /// <summary>
    /// Stages an entry for data already in the repository's namespace (internal <c>stageObject</c>, docs/objects.md,
    /// "Staging an existing address"): no token, the checksum taken verbatim.
    /// </summary>
    public async Task<ObjectEntry> StageAsync(
        string repositoryId, string branchId, string path, LinkedData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var key = ObjectPaths.ToKey(path);
        var repository = await _versions.GetRepositoryAsync(repositoryId, cancellationToken);
        var address = InsideNamespace(repository, data.PhysicalAddress);
        return await StageEntryAsync(repositoryId, branchId, key, address, data, ifAbsent: false, cancellationToken);
    }

    private async Task<ObjectEntry> StageEntryAsync(
        string repositoryId, string branchId, byte[] key, string address, LinkedData data, bool ifAbsent, CancellationToken cancellationToken)
    {
        if (data.Size < 0)
        {
            throw TarnException.Invalid("size_bytes must not be negative");
        }

        var entry = new ObjectEntry
        {
            Address = address,
            AddressKind = AddressKind.Relative,
            LastModified = data.LastModified ?? _time.GetUtcNow(),
            Size = data.Size,
            Checksum = data.Checksum,
            ContentType = string.IsNullOrEmpty(data.ContentType) ? ObjectEntry.DefaultContentType : data.ContentType,
            Metadata = data.Metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(data.Metadata, StringComparer.Ordinal),
        };
        try
        {
            await _versions.SetAsync(repositoryId, branchId, key, EntryCodec.Encode(entry), ifAbsent, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.PreconditionFailed)
        {
            throw new TarnException(ErrorKind.PreconditionFailed, PreconditionFailedMessage);
        }

        return entry;
    }

    // The key of an address inside the repository's namespace, written either relative to the namespace
    // (s3://bucket/ns/data/x) or as the block store shows it (local:///root/ns/data/x).
    private string InsideNamespace(RepositoryRecord repository, string physicalAddress)
    {
        var storageNamespace = StorageNamespace.Parse(repository.StorageNamespace);
        var pointer = ObjectPointer.Full(physicalAddress ?? string.Empty);
        if (!string.Equals(pointer.Scheme, storageNamespace.Scheme, StringComparison.Ordinal))
        {
            throw TarnException.Invalid("invalid blockstore type: invalid address");
        }

        pointer = ObjectPointer.FromAddress(storageNamespace, physicalAddress!);
        if (pointer.AddressType == AddressType.Relative)
        {
            return CheckedKey(pointer.Identifier);
        }

        const string probe = "x";
        var shown = _blocks.GetPhysicalAddress(ObjectPointer.Relative(storageNamespace, probe));
        var shownPrefix = shown[..^probe.Length];
        if (physicalAddress!.Length > shownPrefix.Length && physicalAddress.StartsWith(shownPrefix, StringComparison.Ordinal))
        {
            return CheckedKey(physicalAddress[shownPrefix.Length..]);
        }

        throw TarnException.Invalid("physical address must be inside the repository's storage namespace");
    }

    // Refused here rather than when the data is read, so no entry ever points outside its namespace.
    private static string CheckedKey(string key)
    {
        if (!StorageKeys.IsPlain(key))
        {
            throw TarnException.Invalid("physical address must be inside the repository's storage namespace");
        }

        return key;
    }
}
