using Tarn.Core;

namespace Tarn.Blocks.Local;

/// <summary>
/// Maps pointers and namespaces to absolute paths under the store's root, and is the one place that
/// guarantees no path escapes it: every key is checked by <see cref="BlockKeys"/> (no <c>..</c>, no
/// absolute paths, no NUL or backslash), and every result is re-checked after
/// <see cref="Path.GetFullPath(string)"/> normalisation.
/// </summary>
internal sealed class LocalPaths
{
    public const string BlockstoreType = "local";
    private const string AddressPrefix = "local://";
    private const string UploadsFolderName = BlockKeys.ReservedPrefix + "multipart";

    private readonly string _rootWithSeparator;

    public LocalPaths(string configuredRoot)
    {
        if (string.IsNullOrWhiteSpace(configuredRoot))
        {
            throw new ArgumentException("blockstore.local.path must name a directory", nameof(configuredRoot));
        }

        var full = Path.GetFullPath(ExpandHome(configuredRoot));
        Root = Path.TrimEndingDirectorySeparator(full);
        _rootWithSeparator = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
    }

    /// <summary>The absolute root directory, without a trailing separator (unless it is the filesystem root).</summary>
    public string Root { get; }

    /// <summary>Where multipart parts wait for completion; hidden from listings by its reserved name.</summary>
    public string UploadsDirectory => Path.Combine(Root, UploadsFolderName);

    /// <summary>The directory of a namespace: <c>local://a/b</c> is <c>&lt;root&gt;/a/b</c>.</summary>
    public string NamespaceDirectory(StorageNamespace storageNamespace) =>
        Under(BlockKeys.Location(storageNamespace, BlockstoreType));

    /// <summary>The file behind a pointer; throws InvalidArgument for foreign or escaping addresses.</summary>
    public string ObjectPath(ObjectPointer pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.AddressType == AddressType.Relative)
        {
            var location = BlockKeys.Location(pointer.Namespace!, BlockstoreType);
            BlockKeys.CheckPath(pointer.Identifier, "object key");
            return Under($"{location}/{pointer.Identifier}");
        }

        BlockKeys.CheckScheme(pointer.Scheme, pointer.Identifier, BlockstoreType);
        var rest = pointer.Identifier[AddressPrefix.Length..];
        if (!rest.StartsWith('/'))
        {
            // local://r1/data/x reads like a namespace address: resolve it under the root the same way.
            BlockKeys.CheckPath(rest, "storage address");
            return Under(rest);
        }

        // lakeFS's own form, local:// + absolute path, is accepted only inside the root.
        if (!rest.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            throw OutsideRoot(pointer.Identifier);
        }

        var relative = rest[_rootWithSeparator.Length..];
        BlockKeys.CheckPath(relative, "storage address");
        return Under(relative);
    }

    /// <summary>lakeFS shows local objects as <c>local://</c> followed by the absolute path, e.g. <c>local:///data/r1/data/x</c>.</summary>
    public string PhysicalAddress(ObjectPointer pointer) => AddressPrefix + ObjectPath(pointer).Replace('\\', '/');

    private string Under(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            throw OutsideRoot(relative);
        }

        return full;
    }

    private static TarnException OutsideRoot(string address) =>
        TarnException.Invalid($"invalid storage address '{StorageNamespace.Printable(address)}': outside the blockstore root");

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
