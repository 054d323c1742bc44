using System.Text;
using Tarn.Core;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Objects;

/// <summary>
/// Validation of object paths and listing arguments (docs/objects.md, "Object paths"): a path is 1–1024
/// UTF-8 bytes and is stored as exactly those bytes. NUL is refused because no object store, file system
/// or client library handles it consistently.
/// </summary>
public static class ObjectPaths
{
    /// <summary>The engine key of a valid path; 400 with lakeFS's texts otherwise.</summary>
    public static byte[] ToKey(string? path, string argument = "path")
    {
        if (string.IsNullOrEmpty(path))
        {
            throw TarnException.Invalid($"argument {argument}: {IdentifierRules.MissingPathMessage}");
        }

        var key = Encoding.UTF8.GetBytes(path);
        if (key.Length > IdentifierRules.MaxPathBytes)
        {
            throw TarnException.Invalid(
                $"argument {argument}: {IdentifierRules.InvalidValueMessage}: {key.Length} is above maximum length ({IdentifierRules.MaxPathBytes})");
        }

        if (key.AsSpan().Contains((byte)0))
        {
            throw TarnException.Invalid($"argument {argument}: {IdentifierRules.InvalidValueMessage}: contains a NUL character");
        }

        return key;
    }

    /// <summary>An optional listing argument (<c>prefix</c>, <c>delimiter</c>, <c>after</c>): empty or at most 1024 bytes.</summary>
    public static string Optional(string? value, string argument)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        if (length > IdentifierRules.MaxPathBytes)
        {
            throw TarnException.Invalid(
                $"argument {argument}: {IdentifierRules.InvalidValueMessage}: {length} is above maximum length ({IdentifierRules.MaxPathBytes})");
        }

        return value;
    }
}
