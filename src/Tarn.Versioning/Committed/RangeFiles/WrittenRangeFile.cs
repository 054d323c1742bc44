namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>A finished range file: its content ID, its bytes and the properties stored in its footer.</summary>
/// <param name="Id">Lowercase hex SHA-256 of the records and the type (not of the bytes).</param>
/// <param name="Content">The complete file, ready to store under <c>_lakefs/&lt;Id&gt;</c>.</param>
/// <param name="Type">Range or metarange.</param>
/// <param name="Count">Number of records.</param>
/// <param name="EstimatedSize">Sum of key, identity and data lengths.</param>
/// <param name="MinKey">The first key (empty for an empty file).</param>
/// <param name="MaxKey">The last key (empty for an empty file).</param>
public sealed record WrittenRangeFile(string Id, byte[] Content, RangeFileType Type, long Count, long EstimatedSize, byte[] MinKey, byte[] MaxKey);
