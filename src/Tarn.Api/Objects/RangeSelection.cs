using System.Globalization;
using Tarn.Blocks;

namespace Tarn.Api.Objects;

/// <summary>
/// A <c>Range</c> header applied to an object of known size (see <see cref="RangeHeader.Select"/>): the whole
/// object, one inclusive byte span of it, or nothing.
/// </summary>
public readonly record struct RangeSelection
{
    private RangeSelection(RangeSelectionKind kind, long start, long end, long objectSize)
    {
        Kind = kind;
        Start = start;
        End = end;
        ObjectSize = objectSize;
    }

    public RangeSelectionKind Kind { get; }

    /// <summary>First byte served (0 for the whole object).</summary>
    public long Start { get; }

    /// <summary>Last byte served, inclusive (<c>size - 1</c> for the whole object; -1 when nothing is served).</summary>
    public long End { get; }

    public long ObjectSize { get; }

    /// <summary>How many bytes the answer carries (its <c>Content-Length</c>); 0 when unsatisfiable.</summary>
    public long Length => Kind == RangeSelectionKind.Unsatisfiable ? 0 : End - Start + 1;

    /// <summary>
    /// The <c>Content-Range</c> header: <c>bytes start-end/size</c> for a partial answer (docs/objects.md, "Range requests"),
    /// <c>bytes */size</c> for a 416 (RFC 9110 §15.5.17), null for the whole object.
    /// </summary>
    public string? ContentRange => Kind switch
    {
        RangeSelectionKind.Partial => string.Create(CultureInfo.InvariantCulture, $"bytes {Start}-{End}/{ObjectSize}"),
        RangeSelectionKind.Unsatisfiable => string.Create(CultureInfo.InvariantCulture, $"bytes */{ObjectSize}"),
        _ => null,
    };

    /// <summary>The span to ask the block adapter for: null for the whole object.</summary>
    /// <exception cref="InvalidOperationException">The selection is unsatisfiable; answer 416 instead of reading.</exception>
    public ByteRange? ToByteRange() => Kind switch
    {
        RangeSelectionKind.WholeObject => null,
        RangeSelectionKind.Partial => ByteRange.FromTo(Start, End),
        _ => throw new InvalidOperationException("an unsatisfiable range selects no bytes to read"),
    };

    internal static RangeSelection Whole(long objectSize) => new(RangeSelectionKind.WholeObject, 0, objectSize - 1, objectSize);

    internal static RangeSelection Span(long start, long end, long objectSize) => new(RangeSelectionKind.Partial, start, end, objectSize);

    internal static RangeSelection Nothing(long objectSize) => new(RangeSelectionKind.Unsatisfiable, 0, -1, objectSize);
}
