using Tarn.Blocks;
using Tarn.Catalog.Entries;

namespace Tarn.Catalog.Objects;

/// <summary>An object's entry and an open read of its data (or of a range of it). Dispose to close the read.</summary>
public sealed class ObjectContent(ObjectEntry entry, BlockContent data) : IAsyncDisposable, IDisposable
{
    public ObjectEntry Entry { get; } = entry;

    public BlockContent Data { get; } = data;

    public ValueTask DisposeAsync() => Data.DisposeAsync();

    public void Dispose() => Data.Dispose();
}
