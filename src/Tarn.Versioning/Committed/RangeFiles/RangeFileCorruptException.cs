using Tarn.Core;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// A range or metarange file failed its structural or checksum checks. Immutable files never change,
/// so this means damage in the object store (or a bug), not a condition to retry.
/// </summary>
public sealed class RangeFileCorruptException : TarnException
{
    public RangeFileCorruptException(string reason, Exception? inner = null)
        : base(ErrorKind.Internal, $"range file is corrupt: {reason}", inner)
    {
    }
}
