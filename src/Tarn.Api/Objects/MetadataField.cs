namespace Tarn.Api.Objects;

/// <summary>
/// Whether and how <c>ObjectStats.metadata</c> appears, which differs per operation (docs/http-api.md, "JSON shapes").
/// </summary>
public enum MetadataField
{
    /// <summary>Always present, <c>{}</c> when the object has none: stat, upload, link, copy.</summary>
    Always,

    /// <summary>Present as <c>{}</c> whatever the object has: stat with <c>user_metadata=false</c>.</summary>
    AlwaysEmpty,

    /// <summary>Present only when the object has at least one key: list (with <c>user_metadata</c> not false).</summary>
    WhenNonEmpty,

    /// <summary>Left out: stage object, and list with <c>user_metadata=false</c>.</summary>
    Omitted,
}
