namespace Tarn.Versioning.Refs;

/// <summary>What <see cref="RefStore.CreateRepositoryAsync"/> needs to create a repository.</summary>
/// <param name="Id">Repository ID (docs/refs.md, "Identifiers").</param>
/// <param name="StorageNamespace">Where the repository's data lives; validated against the block adapter by the caller.</param>
/// <param name="DefaultBranchId">The default branch; validated with the branch-ID rule.</param>
/// <param name="ReadOnly">Whether writes need <c>force</c>.</param>
/// <param name="Bare">Record only: no initial commit and no branch (used before a refs restore).</param>
public sealed record RepositoryCreation(
    string Id,
    string StorageNamespace,
    string DefaultBranchId = RepositoryCreation.DefaultBranch,
    bool ReadOnly = false,
    bool Bare = false)
{
    public const string DefaultBranch = "main";

    /// <summary>The message of the root commit every non-bare repository starts with.</summary>
    public const string InitialCommitMessage = "Repository created";
}
