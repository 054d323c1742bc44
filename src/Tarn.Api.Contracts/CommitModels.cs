namespace Tarn.Api.Contracts;

/// <summary>
/// A commit (schema <c>Commit</c>). lakeFS always sends every field (docs/http-api.md, "JSON shapes"), including the
/// three the schema leaves optional: <see cref="Metadata"/> (<c>{}</c> when empty), <see cref="Generation"/>
/// and <see cref="Version"/>; so does Tarn.
/// </summary>
public sealed record Commit
{
    /// <summary>64 lowercase hex characters.</summary>
    public required string Id { get; init; }

    /// <summary>Empty for a root commit; <c>[destination, source]</c> for a merge commit.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    public required string Committer { get; init; }

    public required string Message { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreationDate { get; init; }

    /// <summary>Empty for the root commit of a non-bare repository.</summary>
    public required string MetaRangeId { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>1 for a root commit, otherwise one more than the highest parent's.</summary>
    public required long Generation { get; init; }

    /// <summary>Commit schema version; every new commit uses 1.</summary>
    public required int Version { get; init; }
}

/// <summary>Answer of <c>logCommits</c> (schema <c>CommitList</c>).</summary>
public sealed record CommitList(Pagination Pagination, IReadOnlyList<Commit> Results);

/// <summary>Body of <c>commit</c> (schema <c>CommitCreation</c>).</summary>
public sealed record CommitCreation
{
    public required string Message { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Overrides the creation date (Unix seconds).</summary>
    public long? Date { get; init; }

    /// <summary>Allows a commit without changes.</summary>
    public bool? AllowEmpty { get; init; }

    public bool? Force { get; init; }
}

/// <summary>
/// Body of the internal <c>createCommitRecord</c> (schema <c>CommitRecordCreation</c>): a commit written
/// as given, for refs restore. Note the field is <c>metarange_id</c> here but <c>meta_range_id</c> in
/// <see cref="Commit"/>, as in the spec.
/// </summary>
public sealed record CommitRecordCreation
{
    public required string CommitId { get; init; }

    public required int Version { get; init; }

    public required string Committer { get; init; }

    public required string Message { get; init; }

    public required string MetarangeId { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreationDate { get; init; }

    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>Absent is treated as <c>{}</c> (lakeFS answers 500; docs/commits.md, "Creating commit records").</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public required long Generation { get; init; }

    public bool? Force { get; init; }
}
