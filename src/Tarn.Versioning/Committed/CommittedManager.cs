using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Committed storage of the versioning engine: immutable, content-addressed trees of range files in the repository's
/// storage namespace (docs/architecture.md, "Range files and metaranges" and "Algorithms"). It reads single keys,
/// iterates trees, builds new trees from a base plus changes (commit), and diffs, compares and merges trees; every
/// algorithm works on whole ranges where it can, so costs follow the size of the differences rather than the size of
/// the trees. Thread-safe; one instance is meant to be shared (it owns the file cache).
/// </summary>
public sealed class CommittedManager
{
    private const int MaxLocationIdLength = 256;

    private readonly RangeStore _store;

    public CommittedManager(IBlockAdapter blockAdapter, CommittedManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(blockAdapter);
        Options = options ?? new CommittedManagerOptions();
        Options.Validate();
        _store = new RangeStore(blockAdapter, new RangeCache(Options.CacheBytes));
    }

    public CommittedManagerOptions Options { get; }

    /// <summary>Bytes the file cache holds now (for tests and diagnostics).</summary>
    internal long CachedBytes => _store.Cache.SizeBytes;

    /// <summary>The namespace-relative key a range or metarange file is stored under: <c>_lakefs/&lt;id&gt;</c>.</summary>
    public static string RelativeLocation(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        // Any client-given ID is turned into a location without being read (lakeFS accepts any ID here), but
        // only URL-safe ASCII: the location goes into a header and a path, where control characters,
        // non-ASCII text or separators would break the answer or point elsewhere.
        if (id.Length is 0 or > MaxLocationIdLength || id is "." or ".." || !id.All(IsLocationIdChar))
        {
            throw TarnException.Invalid("invalid range ID: expected letters, digits, '.', '_', '-' or '~' (at most 256)");
        }

        return RangeStore.RelativeKey(id);
    }

    private static bool IsLocationIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '~';

    /// <summary>The value of <paramref name="key"/> in the tree, or null when the tree does not have it.</summary>
    public async Task<Value?> GetAsync(StorageNamespace storageNamespace, MetaRangeId metaRangeId, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        var index = await _store.GetMetaRangeAsync(storageNamespace, metaRangeId, cancellationToken);
        var lookup = new TreeLookup(_store, storageNamespace, index);
        return await lookup.FindAsync(key, cancellationToken)
            ? new Value(lookup.Identity.ToArray(), lookup.DataMemory.ToArray())
            : null;
    }

    /// <summary>The headers of the tree's ranges, in key order (empty for the empty tree).</summary>
    public async Task<IReadOnlyList<RangeInfo>> GetRangesAsync(StorageNamespace storageNamespace, MetaRangeId metaRangeId, CancellationToken cancellationToken = default) =>
        (await _store.GetMetaRangeAsync(storageNamespace, metaRangeId, cancellationToken)).Ranges;

    /// <summary>An iterator over the tree's records; the metarange is read on the first move.</summary>
    public CommittedIterator OpenIterator(StorageNamespace storageNamespace, MetaRangeId metaRangeId)
    {
        ArgumentNullException.ThrowIfNull(storageNamespace);
        return new CommittedIterator(new TreeCursor(_store, storageNamespace, metaRangeId));
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (strictly ascending keys; a null value deletes the key) to the
    /// base tree and stores the result. Throws <see cref="ErrorKind.InvalidArgument"/> <c>no changes</c>
    /// when nothing differs from the base and empty commits are not allowed; when they are, an unchanged
    /// non-empty base is returned as it is.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(
        StorageNamespace storageNamespace,
        MetaRangeId baseMetaRangeId,
        IValueIterator changes,
        ApplyOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(options);
        var baseIndex = await _store.GetMetaRangeAsync(storageNamespace, baseMetaRangeId, cancellationToken);
        await using var writer = new MetaRangeWriter(_store, storageNamespace, Options, cancellationToken);
        using var baseTree = TreeCursor.ForRewrite(_store, storageNamespace, baseIndex);
        return await ApplyOperation.RunAsync(baseTree, baseMetaRangeId, changes, writer, options, cancellationToken);
    }

    /// <summary>What turns <paramref name="left"/> into <paramref name="right"/>, in key order (two-dot diff).</summary>
    public async Task<IDiffIterator> DiffAsync(StorageNamespace storageNamespace, MetaRangeId left, MetaRangeId right, CancellationToken cancellationToken = default)
    {
        var leftIndex = await _store.GetMetaRangeAsync(storageNamespace, left, cancellationToken);
        var rightIndex = await _store.GetMetaRangeAsync(storageNamespace, right, cancellationToken);
        return new TwoWayDiffIterator(
            new TreeCursor(_store, storageNamespace, leftIndex),
            new TreeCursor(_store, storageNamespace, rightIndex));
    }

    /// <summary>
    /// What merging <paramref name="source"/> into <paramref name="destination"/> would bring, given their
    /// merge base (three-dot diff, docs/diff.md, "Three-dot diff"): added/removed/changed records plus conflicts.
    /// </summary>
    public async Task<IDiffIterator> CompareAsync(
        StorageNamespace storageNamespace,
        MetaRangeId destination,
        MetaRangeId source,
        MetaRangeId mergeBase,
        CancellationToken cancellationToken = default)
    {
        var destinationIndex = await _store.GetMetaRangeAsync(storageNamespace, destination, cancellationToken);
        var sourceIndex = await _store.GetMetaRangeAsync(storageNamespace, source, cancellationToken);
        var baseIndex = await _store.GetMetaRangeAsync(storageNamespace, mergeBase, cancellationToken);
        return new CompareIterator(
            new TreeCursor(_store, storageNamespace, destinationIndex),
            new TreeCursor(_store, storageNamespace, sourceIndex),
            new TreeLookup(_store, storageNamespace, baseIndex));
    }

    /// <summary>
    /// Three-way merge of <paramref name="source"/> into <paramref name="destination"/> (docs/merge.md, "Merge rules per key").
    /// Throws <see cref="ErrorKind.InvalidArgument"/> <c>no changes</c> when the source tree is the base tree (by
    /// ID, as lakeFS decides); returns the source tree itself when the destination tree is the base tree; throws
    /// <see cref="MergeConflictException"/> on conflicts when <paramref name="strategy"/> is
    /// <see cref="MergeStrategy.None"/>.
    /// </summary>
    public async Task<MetaRangeId> MergeAsync(
        StorageNamespace storageNamespace,
        MetaRangeId destination,
        MetaRangeId source,
        MetaRangeId mergeBase,
        MergeStrategy strategy,
        CancellationToken cancellationToken = default)
    {
        // Decided by identity, as lakeFS does (docs/merge.md): trees with equal records under another ID (another
        // range layout, or the root commit's "" against a tree emptied by commits) still merge into a commit.
        if (source == mergeBase)
        {
            throw TarnException.Invalid("no changes");
        }

        if (destination == mergeBase)
        {
            // Validates that the source exists, as the full merge would.
            await _store.GetMetaRangeAsync(storageNamespace, source, cancellationToken);
            return source;
        }

        var destinationIndex = await _store.GetMetaRangeAsync(storageNamespace, destination, cancellationToken);
        var sourceIndex = await _store.GetMetaRangeAsync(storageNamespace, source, cancellationToken);
        var baseIndex = await _store.GetMetaRangeAsync(storageNamespace, mergeBase, cancellationToken);
        await using var writer = new MetaRangeWriter(_store, storageNamespace, Options, cancellationToken);
        var merge = new MergeOperation(
            new TreeCursor(_store, storageNamespace, sourceIndex),
            new TreeCursor(_store, storageNamespace, destinationIndex),
            new TreeLookup(_store, storageNamespace, baseIndex),
            writer,
            strategy,
            Options.MaxReportedConflicts);
        return await merge.RunAsync(cancellationToken);
    }
}
