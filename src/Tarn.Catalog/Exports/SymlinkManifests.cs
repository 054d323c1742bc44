using System.Text;
using Tarn.Blocks;
using Tarn.Catalog.Objects;
using Tarn.Core;

namespace Tarn.Catalog.Exports;

/// <summary>
/// Hive-style symlink manifests of a ref (docs/repositories.md, "Symlink manifests"; internal <c>createSymlinkFile</c>): for every
/// "directory" holding objects under a prefix, one <c>symlink.txt</c> in the storage namespace listing the
/// fully qualified physical addresses of its objects, newline-separated, so Athena/Hive can read a
/// version of the data without knowing about Tarn.
/// </summary>
public sealed class SymlinkManifests
{
    /// <summary>Where the manifests go inside the storage namespace.</summary>
    public const string Folder = "symlinks";

    private const int PageSize = 1000;

    private readonly ObjectCatalog _catalog;

    public SymlinkManifests(ObjectCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>
    /// Writes the manifests of <paramref name="reference"/> under <paramref name="location"/> (a path prefix, empty for
    /// all) to <c>symlinks/&lt;repository&gt;/&lt;reference&gt;/&lt;directory&gt;/symlink.txt</c> and returns the
    /// namespace folder they were written under. Nothing matching writes nothing (lakeFS fails).
    /// </summary>
    /// <remarks>Directories interleave in path order ("a/b", "a/c/d", "a/e"), so addresses are grouped in memory
    /// before writing: one address string per object under the prefix.</remarks>
    public async Task<string> WriteAsync(string repositoryId, string reference, string? location, CancellationToken cancellationToken = default)
    {
        var storageNamespace = await _catalog.StorageNamespaceAsync(repositoryId, cancellationToken);
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await _catalog.ListAsync(repositoryId, reference, location, delimiter: null, after, PageSize, cancellationToken);
            foreach (var item in page.Items)
            {
                var directory = DirectoryOf(item.Path);
                if (!groups.TryGetValue(directory, out var addresses))
                {
                    groups[directory] = addresses = [];
                }

                addresses.Add(_catalog.Blocks.GetPhysicalAddress(ObjectCatalog.PointerOf(item.Entry!, storageNamespace)));
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                break;
            }

            after = page.Items[^1].Path;
        }

        // Checked before anything is written, so a bad path leaves no partial set of manifests behind.
        foreach (var directory in groups.Keys)
        {
            if (directory.Length > 0 && !StorageKeys.IsPlain(directory))
            {
                throw TarnException.Invalid($"objects under '{directory}' cannot have a manifest: the directory has empty, '.' or '..' segments");
            }
        }

        foreach (var (directory, addresses) in groups)
        {
            var key = directory.Length == 0
                ? $"{Folder}/{repositoryId}/{reference}/symlink.txt"
                : $"{Folder}/{repositoryId}/{reference}/{directory}/symlink.txt";
            var content = Encoding.UTF8.GetBytes(string.Join('\n', addresses));
            using var data = new MemoryStream(content, writable: false);
            await _catalog.Blocks.PutAsync(ObjectPointer.Relative(storageNamespace, key), data, content.Length, cancellationToken);
        }

        return storageNamespace.Canonical + "/" + Folder;
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
