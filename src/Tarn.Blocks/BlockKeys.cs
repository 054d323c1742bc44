using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// The key rules every adapter in this project applies, so a key the in-memory store accepts in tests
/// is one the filesystem can hold safely: slash-separated segments that are non-empty, not <c>.</c> or
/// <c>..</c>, free of backslashes and control characters (NUL above all), and not starting with
/// <see cref="ReservedPrefix"/>, which names the adapters' own temporary and upload files.
/// </summary>
internal static class BlockKeys
{
    /// <summary>Names starting with this belong to the adapter (temp files, upload folders), never to objects.</summary>
    public const string ReservedPrefix = ".tarn-";

    /// <summary>Checks an object key or a namespace location; <paramref name="what"/> names it in the error.</summary>
    public static void CheckPath(string path, string what)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw TarnException.Invalid($"{what} is required");
        }

        if (path[0] == '/')
        {
            throw Invalid(path, what, "it must be relative (no leading '/')");
        }

        foreach (var segment in path.Split('/'))
        {
            CheckSegment(path, segment, what);
        }
    }

    /// <summary>
    /// Checks a listing prefix: empty is fine and it may end anywhere (mid-segment or after a '/'), but
    /// its complete segments follow <see cref="CheckPath"/>'s rules.
    /// </summary>
    public static void CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        const string What = "listing prefix";
        if (prefix.Length == 0)
        {
            return;
        }

        if (prefix[0] == '/')
        {
            throw Invalid(prefix, What, "it must be relative (no leading '/')");
        }

        var segments = prefix.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            CheckSegment(prefix, segments[i], What);
        }

        CheckCharacters(prefix, segments[^1], What);
    }

    /// <summary>The namespace as a checked <c>root[/prefix]</c> location, after checking it belongs to <paramref name="blockstoreType"/>.</summary>
    public static string Location(StorageNamespace storageNamespace, string blockstoreType)
    {
        ArgumentNullException.ThrowIfNull(storageNamespace);
        CheckScheme(storageNamespace.Scheme, storageNamespace.Canonical, blockstoreType);
        var location = storageNamespace.Prefix.Length == 0
            ? storageNamespace.Root
            : $"{storageNamespace.Root}/{storageNamespace.Prefix}";
        CheckPath(location, "storage namespace");
        return location;
    }

    /// <summary>Refuses addresses of another store type: a local store cannot read <c>s3://</c>.</summary>
    public static void CheckScheme(string scheme, string address, string blockstoreType)
    {
        if (!string.Equals(scheme, blockstoreType, StringComparison.Ordinal))
        {
            throw TarnException.Invalid(
                $"storage address '{StorageNamespace.Printable(address)}' does not match blockstore type '{blockstoreType}'");
        }
    }

    private static void CheckSegment(string path, string segment, string what)
    {
        if (segment.Length == 0)
        {
            throw Invalid(path, what, "empty path segments ('//' or a trailing '/') are not allowed");
        }

        if (segment is "." or "..")
        {
            throw Invalid(path, what, "'.' and '..' segments are not allowed");
        }

        if (segment.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            throw Invalid(path, what, $"names starting with '{ReservedPrefix}' are reserved");
        }

        CheckCharacters(path, segment, what);
    }

    private static void CheckCharacters(string path, string segment, string what)
    {
        foreach (var c in segment)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw Invalid(path, what, "backslashes and control characters are not allowed");
            }
        }
    }

    private static TarnException Invalid(string path, string what, string reason) =>
        TarnException.Invalid($"invalid {what} '{StorageNamespace.Printable(path)}': {reason}");
}
