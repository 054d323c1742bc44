namespace Tarn.Versioning.Graveler;

/// <summary>What a merge needs besides the two refs (docs/merge.md, "The steps").</summary>
/// <param name="Committer">The caller: email if set, else username.</param>
public sealed record MergeParams(string Committer)
{
    /// <summary>The message; null or empty means <c>Merge '&lt;source&gt;' into '&lt;destination&gt;'</c>.</summary>
    public string? Message { get; init; }

    /// <summary>Request metadata; the merge adds <c>.lakefs.merge.strategy</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>As the API sends it: null or <c>""</c>, <c>dest-wins</c>, <c>source-wins</c>.</summary>
    public string? Strategy { get; init; }
}
