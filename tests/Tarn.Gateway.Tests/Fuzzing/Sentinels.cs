using System.Security.Cryptography;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// The sentinel repository: objects committed on <c>main</c>, a branch and a tag on that commit, and one
/// object staged on <c>main</c>. The generator never names any of them; a request that reaches one was routed
/// by something other than its raw path. Checked after every request that could, restored after a finding so
/// the run goes on, and read back in full at the end.
/// </summary>
internal sealed class Sentinels
{
    private const string Repository = FuzzTargets.SentinelRepository;
    private const string StagedPath = "sentinel/staged.txt";

    private readonly VersionController _versions;
    private readonly ObjectCatalog _catalog;
    private readonly Dictionary<string, byte[]> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _checksums = new(StringComparer.Ordinal);
    private string _commitId = "";

    private Sentinels(VersionController versions, ObjectCatalog catalog)
    {
        _versions = versions;
        _catalog = catalog;
    }

    public IReadOnlyList<string> Paths => [.. _data.Keys];

    /// <summary>The sentinels' checksums: no answer to a generated request may carry one as its ETag.</summary>
    public IReadOnlySet<string> ETags => _checksums.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static async Task<Sentinels> CreateAsync(VersionController versions, ObjectCatalog catalog, CancellationToken cancellationToken)
    {
        var sentinels = new Sentinels(versions, catalog);
        foreach (var path in new[] { "keep.txt", "sentinel/keep.txt", "sentinel/deep/er/keep.bin", StagedPath })
        {
            sentinels._data[path] = RandomNumberGenerator.GetBytes(200);
        }

        await sentinels.RestoreAsync(cancellationToken);
        return sentinels;
    }

    /// <summary>What differs from the state set up, or an empty list. Compares checksums; <paramref name="readData"/> compares bytes too.</summary>
    public async Task<List<string>> CheckAsync(bool readData, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!await ExistsAsync(() => _versions.GetRepositoryAsync(Repository, cancellationToken)))
        {
            return ["the repository is gone"];
        }

        foreach (var (reference, isBranch) in new[] { ("main", true), (FuzzTargets.SentinelBranch, true), (FuzzTargets.SentinelTag, false) })
        {
            var commit = await CommitOfAsync(reference, isBranch, cancellationToken);
            if (commit != _commitId)
            {
                problems.Add($"{(isBranch ? "branch" : "tag")} {reference} points at {commit ?? "nothing (gone)"}, not {_commitId}");
                continue;
            }

            foreach (var (path, data) in _data)
            {
                if (path == StagedPath && reference != "main")
                {
                    continue;
                }

                if (await ProblemAsync(reference, path, data, readData, cancellationToken) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    /// <summary>Puts back whatever a finding changed: the repository, the objects, the commit, the branch and the tag.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(() => _versions.GetRepositoryAsync(Repository, cancellationToken)))
        {
            await _versions.CreateRepositoryAsync(new RepositoryCreation(Repository, $"local://{Repository}-{Guid.NewGuid():N}"), cancellationToken);
            _commitId = "";
        }

        var mainCommit = await CommitOfAsync("main", isBranch: true, cancellationToken);
        if (_commitId.Length == 0 || mainCommit != _commitId)
        {
            // A fresh repository, or main moved: commit the sentinels again and point the branch and tag at that commit.
            foreach (var (path, data) in _data.Where(d => d.Key != StagedPath))
            {
                await _catalog.UploadAsync(Repository, "main", path, new MemoryStream(data), null, null, ifAbsent: false, data.Length, cancellationToken);
            }

            _commitId = (await _versions.CommitAsync(Repository, "main", new CommitParams("fuzz", "sentinels") { AllowEmpty = true }, cancellationToken)).Id.Value;
            await DeleteRefsAsync(cancellationToken);
        }

        if (await CommitOfAsync(FuzzTargets.SentinelBranch, isBranch: true, cancellationToken) != _commitId)
        {
            await IgnoreMissingAsync(() => _versions.DeleteBranchAsync(Repository, FuzzTargets.SentinelBranch, cancellationToken));
            await _versions.CreateBranchAsync(Repository, FuzzTargets.SentinelBranch, _commitId, cancellationToken);
        }

        if (await CommitOfAsync(FuzzTargets.SentinelTag, isBranch: false, cancellationToken) != _commitId)
        {
            await IgnoreMissingAsync(() => _versions.DeleteTagAsync(Repository, FuzzTargets.SentinelTag, cancellationToken));
            await _versions.CreateTagAsync(Repository, FuzzTargets.SentinelTag, _commitId, cancellationToken);
        }

        foreach (var (path, data) in _data)
        {
            if (await ProblemAsync("main", path, data, readData: false, cancellationToken) is not null)
            {
                var entry = await _catalog.UploadAsync(Repository, "main", path, new MemoryStream(data), null, null, ifAbsent: false, data.Length, cancellationToken);
                _checksums[path] = entry.Checksum;
            }
            else if (!_checksums.ContainsKey(path))
            {
                _checksums[path] = (await _catalog.StatAsync(Repository, "main", path, cancellationToken)).Checksum;
            }
        }
    }

    private async Task DeleteRefsAsync(CancellationToken cancellationToken)
    {
        await IgnoreMissingAsync(() => _versions.DeleteBranchAsync(Repository, FuzzTargets.SentinelBranch, cancellationToken));
        await IgnoreMissingAsync(() => _versions.DeleteTagAsync(Repository, FuzzTargets.SentinelTag, cancellationToken));
    }

    private async Task<string?> ProblemAsync(string reference, string path, byte[] data, bool readData, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await _catalog.StatAsync(Repository, reference, path, cancellationToken);
            if (_checksums.TryGetValue(path, out var checksum) && entry.Checksum != checksum)
            {
                return $"{reference}/{path} has checksum {entry.Checksum}, not {checksum}";
            }

            if (readData)
            {
                await using var content = await _catalog.OpenAsync(Repository, reference, path, cancellationToken: cancellationToken);
                using var copy = new MemoryStream();
                await content.Data.Data.CopyToAsync(copy, cancellationToken);
                if (!copy.ToArray().AsSpan().SequenceEqual(data))
                {
                    return $"{reference}/{path} holds other bytes";
                }
            }

            return null;
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound)
        {
            return $"{reference}/{path} is gone";
        }
    }

    private async Task<string?> CommitOfAsync(string reference, bool isBranch, CancellationToken cancellationToken)
    {
        try
        {
            return isBranch
                ? (await _versions.GetBranchAsync(Repository, reference, cancellationToken)).CommitId.Value
                : (await _versions.GetTagAsync(Repository, reference, cancellationToken)).CommitId.Value;
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound)
        {
            return null;
        }
    }

    private static async Task<bool> ExistsAsync(Func<Task> lookup)
    {
        try
        {
            await lookup();
            return true;
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound)
        {
            return false;
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound)
        {
            // Already gone: nothing to undo.
        }
    }
}
