using Microsoft.AspNetCore.Http;
using Tarn.Core;

namespace Tarn.Api.Objects;

/// <summary>
/// <c>If-None-Match</c> on <c>uploadObject</c> and <c>linkPhysicalAddress</c> (docs/objects.md, "Upload" and "Linking
/// data the client wrote"): only <c>*</c> ("fail if the path exists") is supported.
/// </summary>
public static class IfNoneMatchHeader
{
    /// <summary>The 400 text lakeFS answers for any other value.</summary>
    public const string UnsupportedMessage = "Unsupported value for If-None-Match - Only \"*\" is supported";

    /// <summary>
    /// True when the request says <c>If-None-Match: *</c>, false when it has no such header; throws
    /// <see cref="ErrorKind.InvalidArgument"/> for any other value.
    /// </summary>
    public static bool RequiresAbsence(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        // Go's Header.Get reads the first value, and lakeFS treats an empty one as no header at all.
        var value = headers.TryGetValue("If-None-Match", out var values) && values.Count > 0 ? values[0] : null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return value == "*" ? true : throw TarnException.Invalid(UnsupportedMessage);
    }
}
