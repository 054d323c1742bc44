namespace Tarn.Blocks.Local;

/// <summary>Settings of the local-filesystem block store (<c>blockstore.local.*</c>).</summary>
/// <param name="Path">
/// The root directory (<c>blockstore.local.path</c>, lakeFS's default <c>~/lakefs/data/block</c>); a
/// leading <c>~</c> means the user's home. Namespace <c>local://a/b</c> maps to <c>&lt;Path&gt;/a/b/</c>.
/// </param>
/// <param name="AdvertisePreSigned">
/// Report presigning in the storage configuration (<c>blockstore.local.advertise_pre_signed</c>, default off, as
/// lakeFS reports local storage); presigned URLs are served either way to clients that ask for them.
/// </param>
public sealed record LocalBlockstoreOptions(string Path, bool AdvertisePreSigned = false);
