using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>Whether a listing or diff item is an object or a common prefix (a "folder" under a delimiter).</summary>
[JsonConverter(typeof(WireEnumConverter<PathType>))]
public enum PathType
{
    [JsonStringEnumMemberName("object")]
    Object,

    [JsonStringEnumMemberName("common_prefix")]
    CommonPrefix,
}
