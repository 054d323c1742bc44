namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Dot segments (RFC 3986 §3.3): a path segment that is <c>.</c> or <c>..</c>, literally or with its dots
/// percent-encoded (<c>%2e</c> decodes to a dot, so <c>%2e%2e</c> and <c>.%2E</c> are dot segments too).
/// </summary>
public static class DotSegments
{
    /// <summary>The spellings the generator puts in place of a path parameter.</summary>
    public static readonly IReadOnlyList<string> Spellings = ["..", ".", "%2e%2e", ".%2e", "%2e.", "%2E%2e", "%2E%2E", "%2e", "%2E"];

    public static bool IsDotSegment(string rawSegment)
    {
        var decoded = rawSegment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        return decoded is "." or "..";
    }

    /// <summary>Whether the path of a raw request target (origin or absolute form, query excluded) has a dot segment.</summary>
    public static bool InTarget(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (path.IndexOf("://", StringComparison.Ordinal) is var scheme and > 0 && !path.StartsWith('/'))
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "" : path[slash..];
        }

        return path.Split('/').Any(IsDotSegment);
    }
}
