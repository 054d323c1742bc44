using Tarn.Versioning.Model;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>A change set of exactly one record.</summary>
internal sealed class SingleChange(ValueRecord change) : IValueIterator
{
    private bool _moved;

    public ValueRecord Current => change;

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        var first = !_moved;
        _moved = true;
        return ValueTask.FromResult(first);
    }

    public void SeekGE(ReadOnlySpan<byte> key) => _moved = key.SequenceCompareTo(change.Key) > 0;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
