namespace Tarn.Versioning.Refs;

/// <summary>
/// A repository as stored. <see cref="InstanceUid"/> is fresh for every creation, and all data scoped to
/// the repository lives in <see cref="Partition"/>, so a repository deleted and recreated under the same
/// ID never sees the old branches, tags or commits.
/// </summary>
public sealed record RepositoryRecord(
    string Id,
    string StorageNamespace,
    string DefaultBranchId,
    DateTimeOffset CreationDate,
    RepositoryState State,
    string InstanceUid,
    bool ReadOnly)
{
    /// <summary>The KV partition holding this instance's branches, tags, commits and metadata.</summary>
    public string Partition => $"{Id}-{InstanceUid}";
}
