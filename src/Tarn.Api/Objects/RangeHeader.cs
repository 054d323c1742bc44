using System.Globalization;
using System.Text.RegularExpressions;
using Tarn.Core;

namespace Tarn.Api.Objects;

/// <summary>
/// The <c>Range</c> header of <c>getObject</c> and <c>headObject</c> (docs/objects.md, "Range requests"), in two steps
/// as lakeFS takes them: the spec's pattern is checked before anything is looked up (mismatch → 400), then the
/// value is applied to the object's size (one range only; anything it cannot serve → 416).
/// </summary>
public static partial class RangeHeader
{
    /// <summary>The header's pattern as the OpenAPI file writes it (RE2 syntax), quoted in the 400 message.</summary>
    public const string Pattern = @"^bytes=((\d*-\d*,? ?)+)$";

    // The same pattern in .NET terms: RE2's \d is ASCII only and its $ does not match before a final newline.
    private const string DotNetPattern = @"^bytes=(([0-9]*-[0-9]*,? ?)+)\z";

    /// <summary>The body text of a 416 answer.</summary>
    public const string NotSatisfiableMessage = "Requested Range Not Satisfiable";

    private const string Unit = "bytes=";

    /// <summary>Throws <see cref="ErrorKind.InvalidArgument"/> (400) when a header is present and does not match <see cref="Pattern"/>.</summary>
    public static void Validate(string? header)
    {
        if (!string.IsNullOrEmpty(header) && !SyntaxRegex().IsMatch(header))
        {
            throw TarnException.Invalid(
                $"parameter \"Range\" in header has an error: string doesn't match the regular expression \"{Pattern}\"");
        }
    }

    /// <summary>
    /// Applies <paramref name="header"/> (null or empty: no Range) to an object of <paramref name="objectSize"/>
    /// bytes. Validates first, so a malformed header throws as <see cref="Validate"/> does.
    /// </summary>
    /// <remarks>
    /// <c>a-b</c> clamps <c>b</c> to the last byte; <c>a-</c> runs to the end; <c>-n</c> is the last n bytes.
    /// Unsatisfiable: a start past the last byte, <c>a &gt; b</c> (lakeFS serves it; docs/lakefs-quirks.md, "A Range
    /// with start after end is 416"), <c>-0</c>, <c>-</c>, several ranges, and any range of an empty object.
    /// </remarks>
    public static RangeSelection Select(string? header, long objectSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objectSize);
        if (string.IsNullOrEmpty(header))
        {
            return RangeSelection.Whole(objectSize);
        }

        Validate(header);
        var spec = header.AsSpan(Unit.Length);
        var dash = spec.IndexOf('-');
        // The pattern admits lists ("0-1,5-6", even "0-1,"); S3 and lakeFS serve a single range only.
        if (objectSize == 0 || dash < 0 || spec[(dash + 1)..].Contains('-') || spec.ContainsAny(',', ' '))
        {
            return RangeSelection.Nothing(objectSize);
        }

        var first = spec[..dash];
        var second = spec[(dash + 1)..];
        var last = objectSize - 1;
        if (first.IsEmpty)
        {
            if (!TryParse(second, out var suffix) || suffix == 0)
            {
                return RangeSelection.Nothing(objectSize);
            }

            return RangeSelection.Span(Math.Max(0, objectSize - suffix), last, objectSize);
        }

        if (!TryParse(first, out var start) || start > last)
        {
            return RangeSelection.Nothing(objectSize);
        }

        if (second.IsEmpty)
        {
            return RangeSelection.Span(start, last, objectSize);
        }

        if (!TryParse(second, out var end) || end < start)
        {
            return RangeSelection.Nothing(objectSize);
        }

        return RangeSelection.Span(start, Math.Min(end, last), objectSize);
    }

    // Digits only (the pattern guarantees that); a number too large for a long is treated as "past the end".
    private static bool TryParse(ReadOnlySpan<char> digits, out long value)
    {
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = long.MaxValue;
        return !digits.IsEmpty;
    }

    [GeneratedRegex(DotNetPattern, RegexOptions.CultureInvariant)]
    private static partial Regex SyntaxRegex();
}
