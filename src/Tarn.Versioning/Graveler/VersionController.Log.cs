using Tarn.Blocks;
using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Graveler;

public sealed partial class VersionController
{
    /// <summary>
    /// One page of the commit log from the commit <paramref name="reference"/> resolves to (docs/commits.md,
    /// "The commit log"), with <c>after</c>, <c>stop_at</c>, <c>since</c>, <c>first_parent</c>, <c>limit</c> and the
    /// <c>objects</c>/<c>prefixes</c> filters; any ref that resolves to a commit is accepted (docs/lakefs-quirks.md,
    /// "The log accepts any ref").
    /// A filtered log returns only single-parent commits that changed a listed key or a key under a listed
    /// prefix compared with their parent; the check reads only the ranges that can hold those keys.
    /// </summary>
    public async Task<LogPage> LogAsync(string repositoryId, string reference, LogRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repository = await RepositoryAsync(repositoryId, cancellationToken);
        var start = await ResolveForLogAsync(repository, reference, "branch ref", cancellationToken);
        var after = string.IsNullOrEmpty(request.After) ? null : await ResolveForLogAsync(repository, request.After, "from ref", cancellationToken);
        var stopAt = string.IsNullOrEmpty(request.StopAt) ? null : await ResolveForLogAsync(repository, request.StopAt, "stop_at", cancellationToken);
        var objects = request.Objects.Where(o => o.Length > 0).ToArray();
        var prefixes = request.Prefixes.Where(p => p.Length > 0).ToArray();
        // One diff iterator serves all prefixes by seeking forward, so visit them in key order.
        Array.Sort(prefixes, (a, b) => a.AsSpan().SequenceCompareTo(b));
        var storageNamespace = NamespaceOf(repository);
        var options = new LogOptions
        {
            Amount = request.Amount,
            Limit = request.Limit,
            FirstParent = request.FirstParent,
            Since = request.Since,
            After = after?.Id,
            StopAt = stopAt?.Id,
            TouchesPaths = objects.Length == 0 && prefixes.Length == 0
                ? null
                : (commit, parent) => TouchesAsync(storageNamespace, commit, parent, objects, prefixes, cancellationToken),
        };
        return await _log.ListAsync(repository, start.Id, options, cancellationToken);
    }

    private async ValueTask<bool> TouchesAsync(
        StorageNamespace storageNamespace, CommitRecord commit, CommitRecord? parent, byte[][] objects, byte[][] prefixes, CancellationToken cancellationToken)
    {
        var parentTree = parent?.MetaRangeId ?? MetaRangeId.Empty;
        if (commit.MetaRangeId == parentTree)
        {
            return false;
        }

        foreach (var key in objects)
        {
            var now = await _committed.GetAsync(storageNamespace, commit.MetaRangeId, key, cancellationToken);
            var before = await _committed.GetAsync(storageNamespace, parentTree, key, cancellationToken);
            if (now is null != before is null || (now is not null && !now.SameIdentity(before!)))
            {
                return true;
            }
        }

        if (prefixes.Length == 0)
        {
            return false;
        }

        // The two-way diff skips ranges the two trees share by ID, so a seek per prefix reads only changed ranges.
        await using var diff = await _committed.DiffAsync(storageNamespace, parentTree, commit.MetaRangeId, cancellationToken);
        foreach (var prefix in prefixes)
        {
            diff.SeekGE(prefix);
            if (await diff.MoveNextAsync(cancellationToken) && diff.Current.Key.AsSpan().StartsWith(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<CommitRecord> ResolveForLogAsync(RepositoryRecord repository, string reference, string context, CancellationToken cancellationToken)
    {
        try
        {
            return await _resolver.ResolveCommitAsync(repository, reference, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw GravelerErrors.RefNotFound(context);
        }
    }
}
