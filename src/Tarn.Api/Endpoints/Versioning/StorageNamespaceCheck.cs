using System.Text;
using System.Text.RegularExpressions;
using Tarn.Blocks;
using Tarn.Core;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// The storage-namespace checks of repository creation (docs/repositories.md, "Storage namespace checks"): the namespace
/// must match the block store's validity regex, and (for a repository that will write there) be unused
/// and writable, proven by writing <c>_lakefs/dummy</c> and reading it back.
/// </summary>
internal static class StorageNamespaceCheck
{
    public const string DummyKey = "_lakefs/dummy";
    public const string RootDummyKey = "dummy";
    public const string DummyContent = "this is dummy data - created by lakeFS to check accessibility";

    private const string Prefix = "failed to create repository";

    /// <summary>400 <c>failed to match required regex &lt;regex&gt;: invalid namespace</c>.</summary>
    public static void EnsureMatchesBlockstore(IBlockAdapter blocks, string storageNamespace)
    {
        var regex = blocks.Description.NamespaceValidityRegex;
        if (string.IsNullOrEmpty(storageNamespace) || !Regex.IsMatch(storageNamespace, regex, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw TarnException.Invalid($"failed to match required regex {regex}: invalid namespace");
        }
    }

    /// <summary>400 when lakeFS objects already live in the namespace or it cannot be written and read back.</summary>
    public static async Task EnsureUsableAsync(IBlockAdapter blocks, string storageNamespace, CancellationToken cancellationToken)
    {
        StorageNamespace parsed;
        try
        {
            parsed = StorageNamespace.Parse(storageNamespace);
        }
        catch (TarnException e)
        {
            throw TarnException.Invalid($"{Prefix}: {e.Message}");
        }

        try
        {
            if (await blocks.HeadAsync(ObjectPointer.Relative(parsed, RootDummyKey), cancellationToken) is not null)
            {
                throw TarnException.Invalid(
                    $"{Prefix}: found lakeFS objects in the storage namespace root({storageNamespace}): storage namespace already in use");
            }

            if (await blocks.HeadAsync(ObjectPointer.Relative(parsed, DummyKey), cancellationToken) is not null)
            {
                throw TarnException.Invalid(
                    $"{Prefix}: found lakeFS objects in the storage namespace({storageNamespace}) key({DummyKey}): storage namespace already in use");
            }

            await WriteAndReadBackAsync(blocks, ObjectPointer.Relative(parsed, DummyKey), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
                                  || (e is TarnException t && t.Kind != ErrorKind.InvalidArgument))
        {
            throw TarnException.Invalid($"{Prefix}: failed to access storage");
        }
    }

    private static async Task WriteAndReadBackAsync(IBlockAdapter blocks, ObjectPointer dummy, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(DummyContent);
        using (var data = new MemoryStream(bytes, writable: false))
        {
            await blocks.PutAsync(dummy, data, bytes.Length, cancellationToken);
        }

        await using var content = await blocks.GetAsync(dummy, null, cancellationToken);
        using var reader = new StreamReader(content.Data, Encoding.UTF8);
        if (await reader.ReadToEndAsync(cancellationToken) != DummyContent)
        {
            throw new IOException("read back different dummy content");
        }
    }
}
