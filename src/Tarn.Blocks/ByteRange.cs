using System.Globalization;
using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// A single HTTP-style byte range: <c>start-end</c> (end inclusive, or open to the end of the object)
/// or a suffix (the last N bytes). <see cref="Resolve"/> applies it to an object's size.
/// </summary>
public readonly record struct ByteRange
{
    private ByteRange(long? start, long? end, long? suffixLength)
    {
        Start = start;
        End = end;
        SuffixLength = suffixLength;
    }

    /// <summary>First byte wanted; null for a suffix range.</summary>
    public long? Start { get; }

    /// <summary>Last byte wanted (inclusive); null for "to the end" and for suffix ranges.</summary>
    public long? End { get; }

    /// <summary>How many trailing bytes are wanted; null unless this is a suffix range.</summary>
    public long? SuffixLength { get; }

    /// <summary>Bytes <paramref name="start"/> to <paramref name="end"/> inclusive, or to the end when <paramref name="end"/> is null.</summary>
    public static ByteRange FromTo(long start, long? end = null)
    {
        if (start < 0 || (end is { } last && last < start))
        {
            throw TarnException.Invalid($"invalid byte range {start}-{end}");
        }

        return new ByteRange(start, end, null);
    }

    /// <summary>The last <paramref name="length"/> bytes (HTTP <c>bytes=-N</c>).</summary>
    public static ByteRange Suffix(long length)
    {
        if (length < 0)
        {
            throw TarnException.Invalid($"invalid suffix byte range -{length}");
        }

        return new ByteRange(null, null, length);
    }

    /// <summary>
    /// Reads a single-range HTTP header value (<c>bytes=0-9</c>, <c>bytes=10-</c>, <c>bytes=-5</c>).
    /// Returns false for anything else (including several ranges), which HTTP says to ignore.
    /// </summary>
    public static bool TryParseHeader(string? header, out ByteRange range)
    {
        range = default;
        const string Unit = "bytes=";
        if (header is null || !header.StartsWith(Unit, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var spec = header.AsSpan(Unit.Length).Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0 || spec.Contains(','))
        {
            return false;
        }

        var first = spec[..dash].Trim();
        var second = spec[(dash + 1)..].Trim();
        if (first.IsEmpty)
        {
            if (!TryParseNumber(second, out var suffix))
            {
                return false;
            }

            range = new ByteRange(null, null, suffix);
            return true;
        }

        if (!TryParseNumber(first, out var start))
        {
            return false;
        }

        if (second.IsEmpty)
        {
            range = new ByteRange(start, null, null);
            return true;
        }

        if (!TryParseNumber(second, out var end) || end < start)
        {
            return false;
        }

        range = new ByteRange(start, end, null);
        return true;
    }

    /// <summary>
    /// The bytes this range selects in an object of <paramref name="objectSize"/> bytes. An end past the
    /// object is clamped (as HTTP does); a range that selects nothing throws
    /// <see cref="RangeNotSatisfiableException"/>.
    /// </summary>
    public (long Offset, long Length) Resolve(long objectSize)
    {
        if (SuffixLength is { } suffix)
        {
            if (suffix == 0 || objectSize == 0)
            {
                throw new RangeNotSatisfiableException(this, objectSize);
            }

            var length = Math.Min(suffix, objectSize);
            return (objectSize - length, length);
        }

        var start = Start ?? 0;
        if (start >= objectSize)
        {
            throw new RangeNotSatisfiableException(this, objectSize);
        }

        var last = Math.Min(End ?? objectSize - 1, objectSize - 1);
        return (start, last - start + 1);
    }

    public override string ToString() =>
        SuffixLength is { } suffix ? $"bytes=-{suffix}" : $"bytes={Start}-{End}";

    private static bool TryParseNumber(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
