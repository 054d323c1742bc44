namespace Tarn.Api.Contracts;

/// <summary>Optional body of <c>mergeIntoBranch</c> (schema <c>Merge</c>); every field may be left out.</summary>
public sealed record Merge
{
    public string? Message { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// <c>dest-wins</c> or <c>source-wins</c>; kept a string because any other value is answered with lakeFS's
    /// own 400 text (<c>invalid merge strategy</c>), not a JSON error.
    /// </summary>
    public string? Strategy { get; init; }

    public bool? Force { get; init; }
}

/// <summary>
/// Answer of <c>mergeIntoBranch</c> (schema <c>MergeResult</c>): the merge commit, or <c>""</c> in the body
/// of a 409 conflict (docs/lakefs-quirks.md, "A merge conflict answers a MergeResult").
/// </summary>
public sealed record MergeResult(string Reference);

/// <summary>Answer of <c>findMergeBase</c> (schema <c>FindMergeBaseResult</c>).</summary>
public sealed record FindMergeBaseResult(string SourceCommitId, string DestinationCommitId, string BaseCommitId);
