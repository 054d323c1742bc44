using System.Text;
using Tarn.Blocks;
using Tarn.Catalog.Objects;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog.Retention;

/// <summary>
/// The server side of garbage collection (docs/repositories.md, "Retained commits"): writes the commits the rules retain as a CSV
/// in the storage namespace, where the external GC job reads it.
/// </summary>
public sealed class GarbageCollectionPreparation
{
    /// <summary>Where the GC job writes the addresses it expires, inside the namespace.</summary>
    public const string AddressesFolder = "_lakefs/retention/gc/addresses/";

    private readonly VersionController _versions;
    private readonly IBlockAdapter _blocks;
    private readonly TimeProvider _time;

    public GarbageCollectionPreparation(VersionController versions, IBlockAdapter blocks, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(blocks);
        _versions = versions;
        _blocks = blocks;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Writes <c>_lakefs/retention/gc/commits/run_id=&lt;run&gt;/commits.csv</c> (<c>commit_id,expired,metarange_id</c>, one
    /// line per retained commit, <c>expired</c> always false); 404 <c>get gc rules: not found</c> without rules.
    /// </summary>
    public async Task<PreparedCommits> PrepareCommitsAsync(string repositoryId, CancellationToken cancellationToken = default)
    {
        var retained = await _versions.FindRetainedCommitsAsync(repositoryId, cancellationToken);
        var repository = await _versions.GetRepositoryAsync(repositoryId, cancellationToken);
        var storageNamespace = StorageNamespace.Parse(repository.StorageNamespace);
        var runId = DataAddresses.NewDescendingId(_time.GetUtcNow());
        var csv = new StringBuilder("commit_id,expired,metarange_id\n");
        foreach (var commit in retained)
        {
            csv.Append(commit.Id.ToString()).Append(",false,").Append(commit.MetaRangeId.ToString()).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var pointer = ObjectPointer.Relative(storageNamespace, $"_lakefs/retention/gc/commits/run_id={runId}/commits.csv");
        using var data = new MemoryStream(bytes, writable: false);
        await _blocks.PutAsync(pointer, data, bytes.Length, cancellationToken);
        return new PreparedCommits(runId, pointer, storageNamespace.AddressOf(pointer.Identifier), storageNamespace.AddressOf(AddressesFolder));
    }
}

/// <summary>The outcome of <see cref="GarbageCollectionPreparation.PrepareCommitsAsync"/>.</summary>
/// <param name="RunId">The run's ID; newer runs sort first.</param>
/// <param name="CommitsFile">Where the CSV is, for presigning.</param>
/// <param name="CommitsLocation">The CSV's address under the storage namespace, as the GC job reads it.</param>
/// <param name="AddressesLocation">Where the job writes the expired addresses.</param>
public sealed record PreparedCommits(string RunId, ObjectPointer CommitsFile, string CommitsLocation, string AddressesLocation);
