using Tarn.Versioning.Model;

namespace Tarn.Catalog.Tests;

/// <summary>A seekable iterator over an in-memory sorted list, counting how many records it yields.</summary>
internal sealed class SortedRecords(IEnumerable<ValueRecord> records) : IValueIterator
{
    private readonly List<ValueRecord> _records = [.. records.OrderBy(r => r.Key, Tarn.Kv.KeyComparer.Instance)];
    private int _next;

    public int Yielded { get; private set; }

    public ValueRecord Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (_next >= _records.Count)
        {
            return ValueTask.FromResult(false);
        }

        Current = _records[_next++];
        Yielded++;
        return ValueTask.FromResult(true);
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        var index = 0;
        while (index < _records.Count && _records[index].Key.AsSpan().SequenceCompareTo(key) < 0)
        {
            index++;
        }

        _next = index;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
