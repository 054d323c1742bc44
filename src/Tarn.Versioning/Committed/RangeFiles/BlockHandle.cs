namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// Where one data block, its first/last keys and its SHA-256 digest lie inside the file bytes (decoded from
/// the block index). <see cref="DigestOffset"/> is -1 in files of format version 1, which have no digests.
/// </summary>
internal readonly record struct BlockHandle(
    int Offset,
    int Length,
    int RecordCount,
    int FirstKeyOffset,
    int FirstKeyLength,
    int LastKeyOffset,
    int LastKeyLength,
    int DigestOffset);
