namespace Tarn.Blocks;

/// <summary>One object found by <see cref="IBlockAdapter.ListAsync"/>.</summary>
/// <param name="Identifier">The key relative to the listed namespace, e.g. <c>data/g…/c…</c>.</param>
/// <param name="Size">Bytes stored.</param>
/// <param name="LastModified">When the object was last written.</param>
public sealed record BlockListEntry(string Identifier, long Size, DateTimeOffset LastModified);
