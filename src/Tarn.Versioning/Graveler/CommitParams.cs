using Tarn.Versioning.Model;

namespace Tarn.Versioning.Graveler;

/// <summary>What a commit needs besides the branch (docs/commits.md, "Committing").</summary>
/// <param name="Committer">The caller: email if set, else username.</param>
/// <param name="Message">The commit message; may be empty.</param>
public sealed record CommitParams(string Committer, string Message)
{
    /// <summary>Stored verbatim; null means <c>{}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Overrides the creation date (the API sends Unix seconds); null means now.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Commit even when nothing changed.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Use this tree as-is instead of applying staged changes; the branch must be clean.</summary>
    public MetaRangeId? SourceMetaRange { get; init; }
}
