namespace Tarn.Versioning.Graveler;

/// <summary>Which diff between two refs (docs/diff.md, "Two-dot diff" and "Three-dot diff").</summary>
public enum DiffKind
{
    /// <summary>"What merging right into left would bring", classified against the merge base (the API's default).</summary>
    ThreeDot,

    /// <summary>"What changes turn left into right"; a <c>branch$</c> right side includes its staged changes.</summary>
    TwoDot,
}
