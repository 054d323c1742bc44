using Microsoft.AspNetCore.Http;

namespace Tarn.Api.Objects;

/// <summary>
/// User metadata sent as headers on <c>uploadObject</c> (docs/objects.md, "User metadata and content type"):
/// <c>X-Lakefs-Meta-&lt;Name&gt;</c> becomes key <c>lower(Name)</c> and <c>X-Lakefs-Internal-&lt;Name&gt;</c> becomes
/// <c>::lakefs::lower(Name)</c>, each with the header's first value.
/// </summary>
public static class UserMetadataHeaders
{
    public const string MetaPrefix = "X-Lakefs-Meta-";
    public const string InternalPrefix = "X-Lakefs-Internal-";
    public const string InternalKeyPrefix = "::lakefs::";

    /// <summary>The metadata the headers carry; empty when there is none.</summary>
    public static IReadOnlyDictionary<string, string> Read(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            var key = KeyFor(name);
            // A bare prefix names no key; there is nothing sensible to store it under.
            if (key is not null && values.Count > 0)
            {
                metadata[key] = values[0] ?? string.Empty;
            }
        }

        return metadata;
    }

    private static string? KeyFor(string headerName)
    {
        if (headerName.Length > MetaPrefix.Length && headerName.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return headerName[MetaPrefix.Length..].ToLowerInvariant();
        }

        if (headerName.Length > InternalPrefix.Length && headerName.StartsWith(InternalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return InternalKeyPrefix + headerName[InternalPrefix.Length..].ToLowerInvariant();
        }

        return null;
    }
}
