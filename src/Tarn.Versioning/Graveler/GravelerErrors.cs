using Tarn.Core;

namespace Tarn.Versioning.Graveler;

/// <summary>The errors of the engine's operations, with the texts lakeFS sends (docs/http-api.md, "Errors").</summary>
public static class GravelerErrors
{
    public const string DirtyBranchMessage = "uncommitted changes (dirty branch)";
    public const string NoChangesMessage = "no changes";

    public static TarnException DirtyBranch() => TarnException.Invalid(DirtyBranchMessage);

    /// <summary>400 <c>&lt;context&gt;: no changes</c>, e.g. <c>commit: no changes</c>.</summary>
    public static TarnException NoChanges(string context) => TarnException.Invalid($"{context}: {NoChangesMessage}");

    public static TarnException DefaultBranchDeletion() => TarnException.Invalid("cannot delete repository default branch");

    public static TarnException InvalidMergeStrategy() => TarnException.Invalid("invalid merge strategy");

    /// <summary>Unrelated histories: 409 for merge (docs/merge.md, "Merge base").</summary>
    public static TarnException NoMergeBaseConflict() => TarnException.Conflict("no merge base");

    /// <summary>Unrelated histories: 404 for find-merge-base and three-dot diff.</summary>
    public static TarnException NoMergeBaseNotFound() => TarnException.NotFound("no merge base");

    public static TarnException SourceMetaRangeOnDirtyBranch() =>
        TarnException.Invalid("cannot use source MetaRange on a branch with uncommitted changes");

    public static TarnException MetaRangeNotFound() => TarnException.NotFound("metarange not found");

    public static TarnException RevertMergeWithoutParent() =>
        TarnException.Conflict("must specify 1-based parent number for reverting merge commit");

    public static TarnException CherryPickMergeWithoutParent() =>
        TarnException.Invalid("must specify 1-based parent number for cherry-picking merge commit");

    public static TarnException ParentNumberNotPositive() =>
        TarnException.Invalid("value should be greater than 0: invalid value: validation error");

    /// <summary>Revert wording: <c>given commit does not have the given parent number: parent &lt;n&gt;</c>.</summary>
    public static TarnException RevertParentOutOfRange(int parent) =>
        TarnException.Invalid($"given commit does not have the given parent number: parent {parent}");

    /// <summary>Cherry-pick wording: <c>parent &lt;n&gt;: given commit does not have the given parent number</c>.</summary>
    public static TarnException CherryPickParentOutOfRange(int parent) =>
        TarnException.Invalid($"parent {parent}: given commit does not have the given parent number");

    public static TarnException UpdateConflict() => TarnException.Conflict("update branch: conflict found");

    /// <summary>A miss of ref resolution, wrapped with what lakeFS says was being resolved.</summary>
    public static TarnException RefNotFound(string context) => TarnException.NotFound($"{context}: not found");

    /// <summary>Whether <paramref name="exception"/> is the committed layer's bare <c>no changes</c>.</summary>
    internal static bool IsNoChanges(TarnException exception) =>
        exception.Kind == ErrorKind.InvalidArgument && exception.Message == NoChangesMessage;
}
