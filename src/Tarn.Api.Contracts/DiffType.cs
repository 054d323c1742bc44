using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>How a path differs between two sides of a diff (schema <c>Diff.type</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<DiffType>))]
public enum DiffType
{
    [JsonStringEnumMemberName("added")]
    Added,

    [JsonStringEnumMemberName("removed")]
    Removed,

    [JsonStringEnumMemberName("changed")]
    Changed,

    /// <summary>Changed on both sides of a three-dot diff.</summary>
    [JsonStringEnumMemberName("conflict")]
    Conflict,

    /// <summary>Something under a common prefix changed (diff with a delimiter).</summary>
    [JsonStringEnumMemberName("prefix_changed")]
    PrefixChanged,
}
