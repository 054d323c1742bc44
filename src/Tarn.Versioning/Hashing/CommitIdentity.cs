using Tarn.Versioning.Model;

namespace Tarn.Versioning.Hashing;

/// <summary>
/// The content address of a commit (docs/commits.md, "Commit IDs"): the same function serves commit, merge,
/// revert, cherry-pick, import, the root commit, commit-record creation and refs restore, so equal
/// inputs give equal IDs everywhere. Version and generation are deliberately not part of it.
/// </summary>
public static class CommitIdentity
{
    private const string Prefix = "commit:v1";

    /// <summary>The commit ID; only the whole seconds (floor) of <paramref name="creationDate"/> are hashed.</summary>
    public static CommitId Compute(
        string committer,
        string message,
        MetaRangeId metaRangeId,
        DateTimeOffset creationDate,
        IReadOnlyDictionary<string, string>? metadata,
        IReadOnlyList<CommitId> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        using var writer = new AddressWriter();
        Span<byte> parentsDigest = stackalloc byte[AddressWriter.HashSize];
        writer.WriteStringListHeader(parents.Count);
        for (var i = 0; i < parents.Count; i++)
        {
            writer.WriteString(parents[i].Value);
        }

        writer.GetHashAndReset(parentsDigest);
        return new CommitId(Hash(writer, committer, message, metaRangeId.Value ?? "", creationDate.ToUnixTimeSeconds(), metadata, parentsDigest));
    }

    /// <summary>The commit ID from raw strings, with the creation time already in Unix seconds.</summary>
    public static string Compute(
        string committer,
        string message,
        string metaRangeId,
        long creationUnixSeconds,
        IReadOnlyDictionary<string, string>? metadata,
        IReadOnlyList<string> parents)
    {
        using var writer = new AddressWriter();
        Span<byte> parentsDigest = stackalloc byte[AddressWriter.HashSize];
        writer.WriteStringList(parents);
        writer.GetHashAndReset(parentsDigest);
        return Hash(writer, committer, message, metaRangeId, creationUnixSeconds, metadata, parentsDigest);
    }

    private static string Hash(
        AddressWriter writer,
        string committer,
        string message,
        string metaRangeId,
        long creationUnixSeconds,
        IReadOnlyDictionary<string, string>? metadata,
        ReadOnlySpan<byte> parentsDigest)
    {
        writer.WriteString(Prefix);
        writer.WriteString(committer);
        writer.WriteString(message);
        writer.WriteString(metaRangeId);
        writer.WriteInt64(creationUnixSeconds);
        writer.WriteStringMap(metadata);
        writer.WriteEmbeddedHash(parentsDigest);
        return writer.GetHexHashAndReset();
    }
}
