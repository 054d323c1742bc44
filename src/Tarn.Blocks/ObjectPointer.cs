using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// Where one object's data lives: a key relative to a storage namespace (what the server writes), or a
/// full address (what imports and linked objects use). Build one with <see cref="Relative"/>,
/// <see cref="Full"/> or <see cref="FromAddress"/>.
/// </summary>
public sealed record ObjectPointer
{
    private const string SchemeSeparator = "://";

    private ObjectPointer(StorageNamespace? storageNamespace, string identifier, AddressType addressType, string scheme)
    {
        Namespace = storageNamespace;
        Identifier = identifier;
        AddressType = addressType;
        Scheme = scheme;
    }

    /// <summary>The namespace a relative identifier lives in; null for full addresses, which stand alone.</summary>
    public StorageNamespace? Namespace { get; }

    /// <summary>The key inside <see cref="Namespace"/> (relative) or the whole address (full).</summary>
    public string Identifier { get; }

    public AddressType AddressType { get; }

    /// <summary>The storage scheme in lower case: the namespace's for relative pointers, the address's for full ones.</summary>
    public string Scheme { get; }

    /// <summary>A key inside <paramref name="storageNamespace"/>. The key's shape is checked by the adapter that stores it.</summary>
    public static ObjectPointer Relative(StorageNamespace storageNamespace, string key)
    {
        ArgumentNullException.ThrowIfNull(storageNamespace);
        if (string.IsNullOrEmpty(key))
        {
            throw TarnException.Invalid("object key is required");
        }

        return new ObjectPointer(storageNamespace, key, AddressType.Relative, storageNamespace.Scheme);
    }

    /// <summary>A complete address such as <c>s3://bucket/key</c> or <c>local:///abs/path</c>.</summary>
    public static ObjectPointer Full(string address)
    {
        var separator = string.IsNullOrEmpty(address) ? -1 : address.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (separator <= 0 || !StorageNamespace.IsValidScheme(address.AsSpan(0, separator)) || address.Length == separator + SchemeSeparator.Length)
        {
            throw TarnException.Invalid($"invalid storage address '{StorageNamespace.Printable(address ?? string.Empty)}': expected scheme://location");
        }

        return new ObjectPointer(null, address, AddressType.Full, address[..separator].ToLowerInvariant());
    }

    /// <summary>
    /// Reads an address a client handed back (link, stage, presigned multipart): an address inside
    /// <paramref name="storageNamespace"/> (it starts with the namespace and a <c>/</c>) becomes relative,
    /// anything else stays full.
    /// </summary>
    public static ObjectPointer FromAddress(StorageNamespace storageNamespace, string address)
    {
        ArgumentNullException.ThrowIfNull(storageNamespace);
        var inside = storageNamespace.Canonical + "/";
        return address is not null && address.Length > inside.Length && address.StartsWith(inside, StringComparison.Ordinal)
            ? Relative(storageNamespace, address[inside.Length..])
            : Full(address!);
    }

    public override string ToString() =>
        AddressType == AddressType.Full ? Identifier : Namespace!.AddressOf(Identifier);
}
