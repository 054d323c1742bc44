using Tarn.Api.Contracts;
using Tarn.Api.Paging;
using Tarn.Versioning.Refs;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Turns the engine's records into wire types (timestamps as Unix seconds, docs/http-api.md, "JSON shapes").</summary>
internal static class VersioningDtos
{
    public static Repository Repository(RepositoryRecord repository, bool withReadOnly = true) => new()
    {
        Id = repository.Id,
        CreationDate = repository.CreationDate.ToUnixTimeSeconds(),
        DefaultBranch = repository.DefaultBranchId,
        StorageNamespace = repository.StorageNamespace,
        // A bare create answers without read_only; everywhere else it is always sent.
        ReadOnly = withReadOnly ? repository.ReadOnly : null,
    };

    public static Ref Branch(BranchRecord branch) => new(branch.Id, branch.CommitId.Value);

    public static Ref Tag(TagRecord tag) => new(tag.Id, tag.CommitId.Value);

    /// <summary>Every field always present, <c>metadata</c> <c>{}</c> when empty.</summary>
    public static Commit Commit(CommitRecord commit) => new()
    {
        Id = commit.Id.Value,
        Parents = [.. commit.Parents.Select(p => p.Value)],
        Committer = commit.Committer,
        Message = commit.Message,
        CreationDate = commit.CreationDate.ToUnixTimeSeconds(),
        MetaRangeId = commit.MetaRangeId.Value ?? "",
        Metadata = commit.Metadata,
        Generation = commit.Generation,
        Version = commit.Version,
    };

    /// <summary>The engine's page request for a validated <see cref="PageQuery"/>.</summary>
    public static PageRequest Request(PageQuery query) =>
        new(NullIfEmpty(query.Prefix), NullIfEmpty(query.After), query.Amount);

    /// <summary>The wire envelope of an engine page: <c>next_offset</c> only with <c>has_more</c> (docs/http-api.md, "Paging").</summary>
    public static Pagination Pagination<T>(Page<T> page) =>
        new(page.HasMore, page.HasMore ? page.NextOffset : "", page.Items.Count, PageQuery.MaxAmount);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
