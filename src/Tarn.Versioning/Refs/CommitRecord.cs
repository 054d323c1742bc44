using Tarn.Versioning.Hashing;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// A commit as stored (docs/commits.md, "Commit records"). <see cref="CreationDate"/> keeps sub-second precision
/// because it orders the log and breaks merge-base ties; the ID hashes only its whole seconds.
/// Merge commits list their parents as [destination, source].
/// </summary>
public sealed record CommitRecord(
    CommitId Id,
    string Committer,
    string Message,
    DateTimeOffset CreationDate,
    MetaRangeId MetaRangeId,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<CommitId> Parents,
    int Version,
    long Generation)
{
    /// <summary>The schema version of every commit this server creates.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// A new version-1 commit with its content-addressed ID and its generation (1 for a root,
    /// otherwise one more than the highest parent generation, supplied by the caller).
    /// </summary>
    public static CommitRecord Create(
        string committer,
        string message,
        MetaRangeId metaRangeId,
        DateTimeOffset creationDate,
        IReadOnlyDictionary<string, string>? metadata,
        IReadOnlyList<CommitId> parents,
        long generation)
    {
        var meta = metadata ?? new Dictionary<string, string>();
        var id = CommitIdentity.Compute(committer, message, metaRangeId, creationDate, meta, parents);
        return new CommitRecord(id, committer, message, creationDate, metaRangeId, meta, parents, CurrentVersion, generation);
    }

    /// <summary>Whether the ID matches the hashed fields (used to accept externally supplied commit records).</summary>
    public bool HasValidId() =>
        CommitIdentity.Compute(Committer, Message, MetaRangeId, CreationDate, Metadata, Parents) == Id;

    /// <summary>
    /// The parent that history follows by default: the first one (version 1) or, for the version-0
    /// commits of very old lakeFS dumps, the last one.
    /// </summary>
    public CommitId? MainParent => Parents.Count == 0 ? null : Version == 0 ? Parents[^1] : Parents[0];
}
