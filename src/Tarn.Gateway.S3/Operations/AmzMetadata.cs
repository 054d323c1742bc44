using Microsoft.AspNetCore.Http;
using Tarn.Catalog.Entries;

namespace Tarn.Gateway.S3.Operations;

/// <summary>
/// User metadata as S3 carries it (docs/gateway.md, "Writing objects"): every <c>x-amz-meta-*</c> request header, stored
/// under its canonical name (<c>X-Amz-Meta-Foo</c>), and sent back as lower-case headers on GET and HEAD.
/// </summary>
public static class AmzMetadata
{
    public const string Prefix = "X-Amz-Meta-";

    // Metadata the HTTP API keeps for itself (docs/objects.md, "User metadata and content type") is never shown as S3 user metadata.
    private const string InternalKeyPrefix = "::lakefs::";

    /// <summary>The user metadata of a request.</summary>
    public static Dictionary<string, string> Read(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (name.Length > Prefix.Length && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[Canonical(name)] = string.Join(",", values.Select(v => v?.Trim()));
            }
        }

        return metadata;
    }

    /// <summary>Adds the entry's user metadata to the response headers.</summary>
    public static void Write(IHeaderDictionary headers, ObjectEntry entry)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var (key, value) in entry.Metadata)
        {
            if (key.StartsWith(InternalKeyPrefix, StringComparison.Ordinal) || !IsHeaderSafe(key) || !IsHeaderSafe(value))
            {
                continue;
            }

            // Metadata set through the HTTP API has bare keys; S3 clients expect the prefix. Names go out in
            // lower case, as S3 sends them: boto3 keeps the case after the prefix in its metadata keys.
            var name = key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? key : Prefix + key;
            headers[name.ToLowerInvariant()] = value;
        }
    }

    /// <summary>Go's canonical MIME header form, as lakeFS stores the names: <c>x-amz-meta-foo-bar</c> → <c>X-Amz-Meta-Foo-Bar</c>.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            upper = chars[i] == '-';
        }

        return new string(chars);
    }

    // Kestrel refuses response header values outside visible ASCII; such metadata cannot be sent as a header.
    private static bool IsHeaderSafe(string text) => text.All(c => c is >= ' ' and <= '~' or '\t');
}
