using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// A byte range that selects no byte of the object (HTTP 416). Its kind is
/// <see cref="ErrorKind.InvalidArgument"/>; adapters that speak HTTP map this type to 416 and can
/// report <see cref="ObjectSize"/> in <c>Content-Range: bytes */size</c>.
/// </summary>
public sealed class RangeNotSatisfiableException : TarnException
{
    public RangeNotSatisfiableException(ByteRange range, long objectSize)
        : base(ErrorKind.InvalidArgument, $"Requested Range Not Satisfiable: {range} of an object of {objectSize} bytes")
    {
        Range = range;
        ObjectSize = objectSize;
    }

    public ByteRange Range { get; }

    public long ObjectSize { get; }
}
