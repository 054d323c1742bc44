using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Catalog.Diffs;
using Tarn.Core;
using Tarn.Versioning.Graveler;
using EngineDiffType = Tarn.Versioning.Committed.DiffType;

namespace Tarn.Api.Endpoints.Diffs;

/// <summary>A branch's uncommitted changes and the diff between two refs (docs/diff.md).</summary>
internal static class DiffEndpoints
{
    public const string InvalidTypeMessage = "type: value is not one of the allowed values [two_dot three_dot]";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/repositories/{repository}/branches/{branch}/diff", DiffBranch).Operation("diffBranch");
        api.MapGet("/repositories/{repository}/refs/{leftRef}/diff/{rightRef}", DiffRefs).Operation("diffRefs");
    }

    private static async Task<IResult> DiffBranch(
        string repository, string branch, PageQuery page, string? delimiter, VersionController versions, CancellationToken cancellationToken)
    {
        var found = await ObjectDiffs.BranchAsync(versions, repository, branch, page.Prefix, delimiter, page.After, page.Amount, cancellationToken);
        return Answer(found);
    }

    private static async Task<IResult> DiffRefs(
        string repository,
        string leftRef,
        string rightRef,
        PageQuery page,
        string? delimiter,
        string? type,
        VersionController versions,
        CancellationToken cancellationToken)
    {
        var kind = KindOf(type);
        var found = await ObjectDiffs.RefsAsync(
            versions, repository, leftRef, rightRef, kind, page.Prefix, delimiter, page.After, page.Amount, cancellationToken);
        return Answer(found);
    }

    private static DiffKind KindOf(string? type) => type switch
    {
        null or "" or "three_dot" => DiffKind.ThreeDot,
        "two_dot" => DiffKind.TwoDot,
        _ => throw TarnException.Invalid(InvalidTypeMessage),
    };

    private static IResult Answer(DiffPage found)
    {
        var results = found.Items.Select(ToWire).ToList();
        var nextOffset = found.HasMore ? results[^1].Path : string.Empty;
        var pagination = new Pagination(found.HasMore, nextOffset, results.Count, PageQuery.MaxAmount);
        return Results.Json(new DiffList(pagination, results), TarnJson.Context.DiffList);
    }

    private static Diff ToWire(DiffItem item) => item.IsCommonPrefix
        ? new Diff { Type = DiffType.PrefixChanged, Path = item.Path, PathType = PathType.CommonPrefix }
        : new Diff { Type = TypeOf(item.Type), Path = item.Path, PathType = PathType.Object, SizeBytes = item.SizeBytes };

    private static DiffType TypeOf(EngineDiffType type) => type switch
    {
        EngineDiffType.Added => DiffType.Added,
        EngineDiffType.Removed => DiffType.Removed,
        EngineDiffType.Changed => DiffType.Changed,
        EngineDiffType.Conflict => DiffType.Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown diff type"),
    };
}
