using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// A multipart completion named parts that do not match what was uploaded. Its kind is
/// <see cref="ErrorKind.InvalidArgument"/>; nothing is stored and the upload stays open, so the client
/// may retry with a corrected list.
/// </summary>
public sealed class InvalidPartListException : TarnException
{
    public InvalidPartListException(InvalidPartListReason reason, string message)
        : base(ErrorKind.InvalidArgument, message) => Reason = reason;

    public InvalidPartListReason Reason { get; }
}
