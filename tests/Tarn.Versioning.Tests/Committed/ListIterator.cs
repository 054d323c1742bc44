using Tarn.Versioning.Model;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>An <see cref="IValueIterator"/> over a list the test already sorted (or deliberately did not).</summary>
internal sealed class ListIterator(IReadOnlyList<ValueRecord> records) : IValueIterator
{
    private int _index = -1;

    public ValueRecord Current => records[_index];

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(++_index < records.Count);

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        var target = key.ToArray();
        var i = 0;
        while (i < records.Count && records[i].Key.AsSpan().SequenceCompareTo(target) < 0)
        {
            i++;
        }

        _index = i - 1;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
