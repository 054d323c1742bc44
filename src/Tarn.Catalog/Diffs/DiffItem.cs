using Tarn.Versioning.Committed;

namespace Tarn.Catalog.Diffs;

/// <summary>
/// One diff listing result: an object with its change and size (docs/diff.md, "Sizes in diff entries"), or a common prefix
/// (<see cref="IsCommonPrefix"/>; reported as <c>prefix_changed</c> whatever lies beneath).
/// </summary>
public sealed record DiffItem(string Path, DiffType Type, long SizeBytes, bool IsCommonPrefix)
{
    /// <summary>A common prefix; its <see cref="Type"/> and <see cref="SizeBytes"/> carry no meaning.</summary>
    public static DiffItem CommonPrefix(string path) => new(path, DiffType.Changed, 0, true);
}
