namespace Tarn.Catalog.Diffs;

/// <summary>One page of a diff listing and whether more items follow it.</summary>
public sealed record DiffPage(IReadOnlyList<DiffItem> Items, bool HasMore);
