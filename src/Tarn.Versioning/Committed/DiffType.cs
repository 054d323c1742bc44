namespace Tarn.Versioning.Committed;

/// <summary>How a key differs between two trees (or, for three-dot compares, what a merge would do).</summary>
public enum DiffType
{
    Added,
    Removed,
    Changed,

    /// <summary>Only produced by three-dot compares: both sides changed the key differently.</summary>
    Conflict,
}
