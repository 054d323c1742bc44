using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>What <c>resetBranch</c> discards; any other value is a 400 (docs/http-api.md, "Request validation").</summary>
[JsonConverter(typeof(WireEnumConverter<ResetType>))]
public enum ResetType
{
    /// <summary>One object's uncommitted change.</summary>
    [JsonStringEnumMemberName("object")]
    Object,

    /// <summary>Every uncommitted change under a prefix.</summary>
    [JsonStringEnumMemberName("common_prefix")]
    CommonPrefix,

    /// <summary>All uncommitted changes of the branch.</summary>
    [JsonStringEnumMemberName("reset")]
    Reset,
}
