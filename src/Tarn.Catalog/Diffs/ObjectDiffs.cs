using Tarn.Catalog.Objects;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog.Diffs;

/// <summary>Paged diffs of objects (docs/diff.md) over the versioning engine's diff streams.</summary>
public static class ObjectDiffs
{
    /// <summary>One page of the branch's uncommitted changes; removals report size 0.</summary>
    public static async Task<DiffPage> BranchAsync(
        VersionController versions,
        string repositoryId,
        string branchId,
        string? prefix,
        string? delimiter,
        string? after,
        int amount,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var (validPrefix, validDelimiter, validAfter) = Validate(prefix, delimiter, after);
        await using var diffs = await versions.DiffUncommittedAsync(repositoryId, branchId, cancellationToken);
        return await DelimitedDiffLister.ListAsync(diffs, validPrefix, validDelimiter, validAfter, amount, removedSizeIsZero: true, cancellationToken);
    }

    /// <summary>One page of the two-dot or three-dot diff between two refs.</summary>
    public static async Task<DiffPage> RefsAsync(
        VersionController versions,
        string repositoryId,
        string leftRef,
        string rightRef,
        DiffKind kind,
        string? prefix,
        string? delimiter,
        string? after,
        int amount,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var (validPrefix, validDelimiter, validAfter) = Validate(prefix, delimiter, after);
        await using var diffs = await versions.DiffRefsAsync(repositoryId, leftRef, rightRef, kind, cancellationToken);
        return await DelimitedDiffLister.ListAsync(diffs, validPrefix, validDelimiter, validAfter, amount, removedSizeIsZero: false, cancellationToken);
    }

    private static (string Prefix, string Delimiter, string After) Validate(string? prefix, string? delimiter, string? after) =>
        (ObjectPaths.Optional(prefix, "prefix"), ObjectPaths.Optional(delimiter, "delimiter"), ObjectPaths.Optional(after, "after"));
}
