using Tarn.Kv;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

public sealed partial class RefStore
{
    /// <summary>Creates a tag once; 409 <c>tag already exists: not unique</c> if it exists.</summary>
    public async ValueTask<TagRecord> CreateTagAsync(RepositoryRecord repository, string tagId, CommitId commitId, CancellationToken cancellationToken = default)
    {
        IdentifierRules.EnsureTagId(tagId);
        var tag = new TagRecord(tagId, commitId);
        var created = await _kv.SetIfAsync(
            repository.Partition, RefKeys.Key(RefKeys.TagsPrefix, tagId), RefRecordCodec.Encode(tag), KvPredicate.Absent, cancellationToken);
        return created ? tag : throw RefErrors.TagExists();
    }

    public async ValueTask<TagRecord?> TryGetTagAsync(RepositoryRecord repository, string tagId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tagId))
        {
            return null;
        }

        var entry = await _kv.GetAsync(repository.Partition, RefKeys.Key(RefKeys.TagsPrefix, tagId), cancellationToken);
        return entry is null ? null : RefRecordCodec.DecodeTag(entry.Value);
    }

    /// <summary>The tag; 404 <c>tag not found</c>.</summary>
    public async ValueTask<TagRecord> GetTagAsync(RepositoryRecord repository, string tagId, CancellationToken cancellationToken = default) =>
        await TryGetTagAsync(repository, tagId, cancellationToken) ?? throw RefErrors.TagNotFound();

    /// <summary>Tags ordered by ID bytes.</summary>
    public ValueTask<Page<TagRecord>> ListTagsAsync(RepositoryRecord repository, PageRequest request, CancellationToken cancellationToken = default) =>
        KvPaging.ReadPageAsync(
            _kv, repository.Partition, RefKeys.TagsPrefix, request, e => RefRecordCodec.DecodeTag(e.Value), t => t.Id, cancellationToken);

    /// <summary>Deletes the tag (not its commit); 404 <c>tag not found</c>.</summary>
    public async ValueTask DeleteTagAsync(RepositoryRecord repository, string tagId, CancellationToken cancellationToken = default)
    {
        _ = await GetTagAsync(repository, tagId, cancellationToken);
        await _kv.DeleteAsync(repository.Partition, RefKeys.Key(RefKeys.TagsPrefix, tagId), cancellationToken);
    }
}
