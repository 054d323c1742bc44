namespace Tarn.Api.Contracts;

/// <summary>
/// A repository (schema <c>Repository</c>). <see cref="ReadOnly"/> is always sent except in the answer of a
/// bare create, which lakeFS sends without it (docs/http-api.md, "JSON shapes").
/// </summary>
public sealed record Repository
{
    public required string Id { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreationDate { get; init; }

    public required string DefaultBranch { get; init; }

    public required string StorageNamespace { get; init; }

    public bool? ReadOnly { get; init; }
}

/// <summary>Answer of <c>listRepositories</c> (schema <c>RepositoryList</c>).</summary>
public sealed record RepositoryList(Pagination Pagination, IReadOnlyList<Repository> Results);

/// <summary>Body of <c>createRepository</c> (schema <c>RepositoryCreation</c>).</summary>
public sealed record RepositoryCreation
{
    /// <summary>The repository id; the spec's pattern is <c>^[a-z0-9][a-z0-9-]{2,62}$</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Where the data goes, e.g. <c>local://my-repo</c>; must match the block store's regex.</summary>
    public required string StorageNamespace { get; init; }

    /// <summary>Absent or empty means <c>main</c>.</summary>
    public string? DefaultBranch { get; init; }

    public bool? SampleData { get; init; }

    public bool? ReadOnly { get; init; }
}

/// <summary>Body of <c>setRepositoryMetadata</c> (schema <c>RepositoryMetadataSet</c>): keys to add or overwrite.</summary>
public sealed record RepositoryMetadataSet
{
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
}

/// <summary>Body of <c>deleteRepositoryMetadata</c> (schema <c>RepositoryMetadataKeys</c>): keys to remove.</summary>
public sealed record RepositoryMetadataKeys
{
    public required IReadOnlyList<string> Keys { get; init; }
}
