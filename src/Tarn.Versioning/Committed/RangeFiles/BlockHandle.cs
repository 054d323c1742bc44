namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>Where one data block and its first/last keys lie inside the file bytes (decoded from the block index).</summary>
internal readonly record struct BlockHandle(
    int Offset,
    int Length,
    int RecordCount,
    int FirstKeyOffset,
    int FirstKeyLength,
    int LastKeyOffset,
    int LastKeyLength);
