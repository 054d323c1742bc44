using Tarn.Versioning.Model;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>Streams <c>count</c> benchmark records in key order without holding them all in memory.</summary>
internal sealed class GeneratedRecords(int count) : IValueIterator
{
    private int _next;

    public ValueRecord Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (_next >= count)
        {
            return ValueTask.FromResult(false);
        }

        Current = new ValueRecord(BenchmarkRecords.Key(_next), new Value(BenchmarkRecords.Identity(_next), BenchmarkRecords.Data(_next)));
        _next++;
        return ValueTask.FromResult(true);
    }

    public void SeekGE(ReadOnlySpan<byte> key) => throw new NotSupportedException("generated records are read once, in order");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
