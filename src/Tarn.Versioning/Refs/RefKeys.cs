using System.Text;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The KV layout of the ref layer (docs/architecture.md, "KV layout"; same keys as lakeFS, values are our own binary
/// encoding, see <see cref="RefRecordCodec"/>):
/// <code>
/// partition "graveler"                   repos/&lt;repository id&gt;  → repository record
/// partition "&lt;repo id&gt;-&lt;instance uid&gt;"    branches/&lt;branch id&gt;   → branch record (moved only by CAS)
///                                        tags/&lt;tag id&gt;           → tag record (created once)
///                                        commits/&lt;commit id&gt;     → commit record (created once)
///                                        repo-metadata            → string map (CAS updates)
/// partition "&lt;staging token&gt;"            &lt;path bytes&gt;             → staged value (see Staging)
/// partition "cleanup-tokens"             &lt;staging token&gt;          → drop marker (see Staging)
/// </code>
/// Keys are UTF-8; IDs sort byte-wise inside their prefix, which is the listing order.
/// </summary>
internal static class RefKeys
{
    public const string GravelerPartition = "graveler";
    public const string RepositoriesPrefix = "repos/";
    public const string BranchesPrefix = "branches/";
    public const string TagsPrefix = "tags/";
    public const string CommitsPrefix = "commits/";
    public const string RepositoryMetadataKey = "repo-metadata";

    public static byte[] Key(string prefix, string id) => Encoding.UTF8.GetBytes(prefix + id);

    public static byte[] Key(string fixedKey) => Encoding.UTF8.GetBytes(fixedKey);

    /// <summary>The ID part of a key known to start with <paramref name="prefix"/>.</summary>
    public static string IdOf(string prefix, byte[] key) =>
        Encoding.UTF8.GetString(key.AsSpan(Encoding.UTF8.GetByteCount(prefix)));
}
