namespace Tarn.Api.Contracts;

/// <summary>
/// One difference (schema <c>Diff</c>). <see cref="SizeBytes"/> is set for every object entry (0 for a
/// removal in a branch's uncommitted diff) and absent for common prefixes (docs/diff.md, "Sizes in diff entries").
/// </summary>
public sealed record Diff
{
    public required DiffType Type { get; init; }

    public required string Path { get; init; }

    public required PathType PathType { get; init; }

    public long? SizeBytes { get; init; }
}

/// <summary>Answer of <c>diffBranch</c> and <c>diffRefs</c> (schema <c>DiffList</c>).</summary>
public sealed record DiffList(Pagination Pagination, IReadOnlyList<Diff> Results);
