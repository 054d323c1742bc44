using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>The metadata key a merge commit records its strategy under.</summary>
    public const string MergeStrategyMetadataKey = ".lakefs.merge.strategy";

    /// <summary>
    /// Merges the commit <paramref name="sourceRef"/> resolves to into <paramref name="destinationBranch"/>
    /// (docs/merge.md): the destination must be clean (400 <c>uncommitted changes (dirty
    /// branch)</c>); the result is always a new merge commit with parents [destination HEAD, source] (no
    /// fast-forward) whose metadata adds <c>.lakefs.merge.strategy</c>. 400 <c>update branch &lt;dest&gt;: no
    /// changes</c> when the source brings nothing; <see cref="MergeConflictException"/> (409, with the
    /// conflicting keys) when no strategy resolves a conflict; 400 <c>invalid merge strategy</c>.
    /// Concurrent merges into one branch queue in-process and retry by CAS across processes.
    /// </summary>
    public async Task<CommitRecord> MergeAsync(
        string repositoryId, string sourceRef, string destinationBranch, MergeParams parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (strategy, strategyName) = ParseStrategy(parameters.Strategy);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        IdentifierRules.EnsureBranchId(destinationBranch, "destination");
        IdentifierRules.EnsureRef(sourceRef, "source");
        _ = await _refs.GetBranchAsync(repository, destinationBranch, cancellationToken);
        var storageNamespace = NamespaceOf(repository);
        var message = string.IsNullOrEmpty(parameters.Message) ? $"Merge '{sourceRef}' into '{destinationBranch}'" : parameters.Message;
        var metadata = new Dictionary<string, string>(parameters.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [MergeStrategyMetadataKey] = strategyName,
        };

        return await UpdateCleanBranchAsync(
            repository,
            destinationBranch,
            async (_, head, ct) =>
            {
                CommitRecord source;
                try
                {
                    source = await _resolver.ResolveCommitAsync(repository, sourceRef, ct);
                }
                catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
                {
                    throw GravelerErrors.RefNotFound($"update branch {destinationBranch}: get commit by ref {sourceRef}");
                }

                var mergeBase = await _mergeBase.FindAsync(repository, source.Id, head.Id, ct) ?? throw GravelerErrors.NoMergeBaseConflict();
                var tree = await MergeTreesAsync(
                    storageNamespace, head.MetaRangeId, source.MetaRangeId, mergeBase.MetaRangeId, strategy, $"update branch {destinationBranch}", ct);
                return CommitRecord.Create(
                    parameters.Committer, message, tree, Now(), metadata, [head.Id, source.Id], Math.Max(head.Generation, source.Generation) + 1);
            },
            cancellationToken);
    }

    /// <summary>
    /// The merge base of two refs (docs/merge.md, "Finding the merge base"), returned with the two commits in
    /// their proper roles (lakeFS swaps them). 404 <c>no merge base</c> for unrelated histories.
    /// </summary>
    public async Task<(CommitRecord Source, CommitRecord Destination, CommitRecord Base)> FindMergeBaseAsync(
        string repositoryId, string sourceRef, string destinationRef, CancellationToken cancellationToken = default)
    {
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var source = await ResolveCommitOrNotFoundAsync(repository, sourceRef, cancellationToken);
        var destination = await ResolveCommitOrNotFoundAsync(repository, destinationRef, cancellationToken);
        var mergeBase = await _mergeBase.FindAsync(repository, source.Id, destination.Id, cancellationToken) ?? throw GravelerErrors.NoMergeBaseNotFound();
        return (source, destination, mergeBase);
    }

    /// <summary>The API's strategy names: null or <c>""</c> (conflicts fail), <c>dest-wins</c>, <c>source-wins</c>.</summary>
    internal static (MergeStrategy Strategy, string MetadataName) ParseStrategy(string? strategy) => strategy switch
    {
        null or "" => (MergeStrategy.None, "default"),
        "dest-wins" => (MergeStrategy.Dest, "dest-wins"),
        "source-wins" => (MergeStrategy.Source, "source-wins"),
        _ => throw GravelerErrors.InvalidMergeStrategy(),
    };

    /// <summary>
    /// Three-way merge of committed trees, the shortcuts decided by tree ID as lakeFS decides them (an empty
    /// tree written by a commit is not the root commit's <c>""</c>); <c>no changes</c> comes back prefixed with
    /// <paramref name="context"/>, conflicts as <see cref="MergeConflictException"/>.
    /// </summary>
    private async Task<MetaRangeId> MergeTreesAsync(
        StorageNamespace storageNamespace,
        MetaRangeId destination,
        MetaRangeId source,
        MetaRangeId mergeBase,
        MergeStrategy strategy,
        string context,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _committed.MergeAsync(storageNamespace, destination, source, mergeBase, strategy, cancellationToken);
        }
        catch (TarnException e) when (GravelerErrors.IsNoChanges(e))
        {
            throw GravelerErrors.NoChanges(context);
        }
    }

    /// <summary>Resolves a ref where a commit is needed, wrapping a miss as <c>get commit by ref &lt;r&gt;: not found</c>.</summary>
    private async Task<CommitRecord> ResolveCommitOrNotFoundAsync(RepositoryRecord repository, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw GravelerErrors.RefNotFound($"get commit by ref {reference}");
        }
    }
}
