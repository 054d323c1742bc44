using Tarn.Core;

namespace Tarn.Versioning.Committed;

/// <summary>A merge without strategy met keys both sides changed differently; nothing was committed.</summary>
public sealed class MergeConflictException : TarnException
{
    public MergeConflictException(IReadOnlyList<byte[]> conflictingKeys)
        : base(ErrorKind.Conflict, "conflict found") => ConflictingKeys = conflictingKeys;

    /// <summary>The first conflicting keys in key order (at most <see cref="CommittedManagerOptions.MaxReportedConflicts"/>).</summary>
    public IReadOnlyList<byte[]> ConflictingKeys { get; }
}
