using System.Buffers;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Resolves ref expressions (docs/refs.md, "Resolving a ref" and "What a ref reads"): the base is tried as a full commit ID, a branch,
/// a tag, then a unique commit-ID prefix; the modifiers then walk the commit graph.
/// </summary>
public sealed class RefResolver(RefStore refs)
{
    private const int CommitIdLength = 64;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> AnyHex = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// 400 for a malformed expression or a misplaced <c>@</c>/<c>$</c>/<c>^N</c>, 404 <c>not found</c>
    /// when the base matches nothing or <c>~N</c> walks past the root.
    /// </summary>
    public async ValueTask<ResolvedRef> ResolveAsync(RepositoryRecord repository, string expression, CancellationToken cancellationToken = default)
    {
        var parsed = RefExpression.Parse(expression);
        var (branch, commit) = await ResolveBaseAsync(repository, parsed.Base, cancellationToken);
        if (parsed.IsCommittedOnly || parsed.IsWithStaging)
        {
            if (branch is null)
            {
                throw RefErrors.InvalidRef();
            }

            return new ResolvedRef(parsed.IsCommittedOnly ? ResolvedRefKind.BranchCommittedOnly : ResolvedRefKind.BranchWithStaging, branch, commit);
        }

        if (parsed.Modifiers.Count == 0)
        {
            return new ResolvedRef(branch is null ? ResolvedRefKind.Commit : ResolvedRefKind.Branch, branch, commit);
        }

        foreach (var modifier in parsed.Modifiers)
        {
            commit = await ApplyAsync(repository, commit, modifier, cancellationToken);
        }

        return new ResolvedRef(ResolvedRefKind.Commit, null, commit);
    }

    /// <summary>
    /// Resolves where an operation needs a commit: a branch means its HEAD, and a <c>$</c> expression is
    /// 400 <c>reference to staging area with $ is not a commit</c>.
    /// </summary>
    public async ValueTask<CommitRecord> ResolveCommitAsync(RepositoryRecord repository, string expression, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(repository, expression, cancellationToken);
        return resolved.Kind == ResolvedRefKind.BranchWithStaging ? throw RefErrors.StagingRefIsNotACommit() : resolved.Commit;
    }

    private async ValueTask<(BranchRecord? Branch, CommitRecord Commit)> ResolveBaseAsync(
        RepositoryRecord repository, string name, CancellationToken cancellationToken)
    {
        if (name.Length == CommitIdLength && !name.AsSpan().ContainsAnyExcept(LowerHex)
            && await refs.TryGetCommitAsync(repository, new CommitId(name), cancellationToken) is { } exact)
        {
            return (null, exact);
        }

        if (await refs.TryGetBranchAsync(repository, name, cancellationToken) is { } branch)
        {
            return (branch, await refs.GetCommitAsync(repository, branch.CommitId, cancellationToken));
        }

        if (await refs.TryGetTagAsync(repository, name, cancellationToken) is { } tag)
        {
            return (null, await refs.GetCommitAsync(repository, tag.CommitId, cancellationToken));
        }

        // Upper-case hex is accepted as a prefix but, as in lakeFS, never matches the stored lower-case IDs.
        if (name.Length <= CommitIdLength && !name.AsSpan().ContainsAnyExcept(AnyHex))
        {
            var matches = await refs.ListCommitIdsByPrefixAsync(repository, name, limit: 2, cancellationToken);
            if (matches.Count == 1)
            {
                return (null, await refs.GetCommitAsync(repository, matches[0], cancellationToken));
            }
        }

        throw RefErrors.NotFound();
    }

    private async ValueTask<CommitRecord> ApplyAsync(RepositoryRecord repository, CommitRecord commit, RefModifier modifier, CancellationToken cancellationToken)
    {
        if (modifier.Kind == RefModifierKind.Parent)
        {
            if (modifier.Count == 0)
            {
                return commit;
            }

            if (modifier.Count > commit.Parents.Count)
            {
                throw RefErrors.InvalidRef();
            }

            return await refs.TryGetCommitAsync(repository, commit.Parents[modifier.Count - 1], cancellationToken) ?? throw RefErrors.NotFound();
        }

        for (var i = 0; i < modifier.Count; i++)
        {
            var parent = commit.MainParent ?? throw RefErrors.NotFound();
            commit = await refs.TryGetCommitAsync(repository, parent, cancellationToken) ?? throw RefErrors.NotFound();
        }

        return commit;
    }
}
