namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Dot segments as a client may write them: <c>.</c> and <c>..</c>, each dot plain or percent-encoded in either
/// case. A web server that normalises paths (RFC 3986 §5.2.4) removes them before routing; S3 keys keep them.
/// </summary>
internal static class DotSegments
{
    public static readonly string[] Parents = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%2E.", ".%2E"];

    public static readonly string[] Currents = [".", "%2e", "%2E"];

    /// <summary>Whether a raw path has a segment that is a dot segment in any spelling.</summary>
    public static bool Contains(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        foreach (var segment in rawPath.Split('/'))
        {
            var dots = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (dots is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
