namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>What a range file holds; stored in its properties and part of its content ID.</summary>
public enum RangeFileType : byte
{
    /// <summary>Records of a tree: key → {identity, data}.</summary>
    Range = 1,

    /// <summary>One record per range: key = the range's max key, identity = its ID, data = its <see cref="RangeInfo"/>.</summary>
    MetaRange = 2,
}
