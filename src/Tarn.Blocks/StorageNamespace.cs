using System.Diagnostics.CodeAnalysis;
using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// A repository's storage namespace: the place its object data lives, written as a URI such as
/// <c>local://my-repo/prefix</c>, <c>s3://bucket/path</c> or <c>mem://x</c>. Parsing checks the shape
/// only (scheme, root, path prefix); whether an adapter can store under it is the adapter's call, so a
/// local adapter refuses <c>s3://</c> namespaces when it is handed one.
/// </summary>
/// <remarks>
/// The scheme is compared in lower case; trailing slashes are not significant, so
/// <c>s3://bucket/path/</c> and <c>s3://bucket/path</c> are the same namespace.
/// </remarks>
public sealed class StorageNamespace : IEquatable<StorageNamespace>, IParsable<StorageNamespace>
{
    private const string SchemeSeparator = "://";

    private StorageNamespace(string scheme, string root, string prefix)
    {
        Scheme = scheme;
        Root = root;
        Prefix = prefix;
        Canonical = prefix.Length == 0 ? $"{scheme}://{root}" : $"{scheme}://{root}/{prefix}";
    }

    /// <summary>The URI scheme in lower case, e.g. <c>local</c>, <c>s3</c>, <c>mem</c>.</summary>
    public string Scheme { get; }

    /// <summary>The bucket, host or top-level directory: the part between <c>://</c> and the next <c>/</c>.</summary>
    public string Root { get; }

    /// <summary>The path inside <see cref="Root"/> without leading or trailing slashes; empty when there is none.</summary>
    public string Prefix { get; }

    /// <summary>The namespace as <c>scheme://root[/prefix]</c>, without a trailing slash.</summary>
    public string Canonical { get; }

    /// <summary>Parses <paramref name="value"/> or throws <see cref="ErrorKind.InvalidArgument"/> saying what is wrong.</summary>
    public static StorageNamespace Parse(string value) =>
        TryParse(value, out var result, out var error) ? result : throw TarnException.Invalid(error);

    /// <inheritdoc cref="Parse(string)"/>
    public static StorageNamespace Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses <paramref name="s"/>, returning false for malformed input instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out StorageNamespace result) =>
        TryParse(s, out result, out _);

    /// <summary>The address of <paramref name="relativeKey"/> inside this namespace: <c>scheme://root/prefix/key</c>.</summary>
    public string AddressOf(string relativeKey) => $"{Canonical}/{relativeKey}";

    public bool Equals(StorageNamespace? other) => other is not null && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is StorageNamespace other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Canonical;

    private static bool TryParse(string? value, [MaybeNullWhen(false)] out StorageNamespace result, out string error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "storage namespace is required";
            return false;
        }

        var separator = value.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (separator <= 0 || !IsValidScheme(value.AsSpan(0, separator)))
        {
            error = $"invalid storage namespace '{Printable(value)}': expected scheme://location, e.g. local://my-repo";
            return false;
        }

        var location = value[(separator + SchemeSeparator.Length)..];
        var badCharacter = location.IndexOfAny(['\\', '?', '#']);
        if (badCharacter >= 0 || location.Any(char.IsControl))
        {
            error = $"invalid storage namespace '{Printable(value)}': control characters, '\\', '?' and '#' are not allowed";
            return false;
        }

        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var root = slash < 0 ? location : location[..slash];
        if (root.Length == 0)
        {
            error = $"invalid storage namespace '{Printable(value)}': missing bucket or root after '{SchemeSeparator}'";
            return false;
        }

        var prefix = slash < 0 ? string.Empty : location[(slash + 1)..].TrimEnd('/');
        result = new StorageNamespace(value[..separator].ToLowerInvariant(), root, prefix);
        error = string.Empty;
        return true;
    }

    /// <summary>RFC 3986: a letter followed by letters, digits, '+', '-' or '.'.</summary>
    internal static bool IsValidScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Error messages echo the input, but never raw control characters (a NUL would truncate logs).</summary>
    internal static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
