using System.Text;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Catalog.Samples;

/// <summary>
/// The sample data of <c>createRepository</c> with <c>sample_data: true</c> (docs/repositories.md, "Sample data"): a few
/// small files committed as <c>Add sample data</c>, then the default branch protected (only when the repository
/// has no rules yet), so newcomers branch off instead of writing to it.
/// </summary>
public sealed class SampleData
{
    public const string CommitMessage = "Add sample data";

    private readonly ObjectCatalog _catalog;
    private readonly VersionController _versions;

    public SampleData(ObjectCatalog catalog, VersionController versions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(versions);
        _catalog = catalog;
        _versions = versions;
    }

    /// <summary>Uploads and commits the files to <paramref name="branchId"/> as <paramref name="committer"/>, then protects the branch.</summary>
    public async Task AddAsync(string repositoryId, string branchId, string committer, CancellationToken cancellationToken = default)
    {
        foreach (var (path, contentType, text) in Files(repositoryId))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            using var data = new MemoryStream(bytes, writable: false);
            await _catalog.UploadAsync(repositoryId, branchId, path, data, contentType, metadata: null, ifAbsent: false, bytes.Length, cancellationToken);
        }

        await _versions.CommitAsync(repositoryId, branchId, new CommitParams(committer, CommitMessage), cancellationToken);
        try
        {
            await _versions.SetBranchProtectionRulesAsync(repositoryId, [branchId], ifMatch: string.Empty, cancellationToken);
        }
        catch (TarnException e) when (e.Kind == ErrorKind.PreconditionFailed)
        {
            // Rules already exist: they are the owner's, leave them.
        }
    }

    private static IEnumerable<(string Path, string ContentType, string Text)> Files(string repositoryId)
    {
        yield return ("README.md", "text/markdown", $"""
            # Welcome to `{repositoryId}`

            This repository was created with sample data: a small table of lakes in `lakes.csv` and where its
            figures come from in `data/lakes.source.md`.

            The default branch is protected, as a reminder to work on a branch:

            1. create a branch from it,
            2. change, add or delete objects there,
            3. commit, look at the diff, and merge back.

            """);
        yield return ("lakes.csv", "text/csv", """
            name,country,area_km2,max_depth_m
            Baikal,Russia,31722,1642
            Tanganyika,Tanzania;DR Congo;Burundi;Zambia,32600,1470
            Superior,Canada;United States,82100,406
            Victoria,Uganda;Kenya;Tanzania,59947,84
            Titicaca,Peru;Bolivia,8372,281
            Geneva,Switzerland;France,580,310
            Malawi,Malawi;Mozambique;Tanzania,29600,706
            Great Bear,Canada,31153,446

            """);
        yield return ("data/lakes.source.md", "text/markdown", """
            # Sources

            Areas and depths in `lakes.csv` are rounded figures as commonly published in encyclopedias and
            national surveys; they are sample data, good enough to query, not to navigate by.

            """);
    }
}
