namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>What a range file's properties section says about its records.</summary>
/// <param name="Type">Range or metarange.</param>
/// <param name="FormatVersion">The layout version the file was written with.</param>
/// <param name="Count">Number of records.</param>
/// <param name="EstimatedSize">Sum of key, identity and data lengths of all records.</param>
/// <param name="MinKey">The first key; empty when the file has no records.</param>
/// <param name="MaxKey">The last key; empty when the file has no records.</param>
public sealed record RangeFileProperties(RangeFileType Type, ushort FormatVersion, long Count, long EstimatedSize, byte[] MinKey, byte[] MaxKey);
