using Tarn.Versioning.Model;

namespace Tarn.Benchmarks.Graveler;

/// <summary>A change set held in a list the caller sorted by key.</summary>
internal sealed class ListChanges(IReadOnlyList<ValueRecord> records) : IValueIterator
{
    private int _index = -1;

    public ValueRecord Current => records[_index];

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(++_index < records.Count);

    public void SeekGE(ReadOnlySpan<byte> key) => throw new NotSupportedException("change sets are read once, in order");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
