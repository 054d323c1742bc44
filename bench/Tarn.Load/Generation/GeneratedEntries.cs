using System.Globalization;
using System.Text;
using Tarn.Versioning.Model;

namespace Tarn.Load.Generation;

/// <summary>
/// <c>count</c> object entries at <c>data/00000000</c>, <c>data/00000001</c>, ... in ascending key order (the
/// fixed-width numbers sort as they count), all with the same value: made on the fly, never held in memory.
/// </summary>
internal sealed class GeneratedEntries(int count, Value value) : IValueIterator
{
    private int _next;

    public ValueRecord Current { get; private set; } = null!;

    /// <summary>The path of entry <paramref name="index"/>; the scenarios' data set uses the same layout.</summary>
    public static string PathOf(int index) => "data/" + index.ToString("D8", CultureInfo.InvariantCulture);

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (_next >= count)
        {
            return ValueTask.FromResult(false);
        }

        Current = new ValueRecord(Encoding.UTF8.GetBytes(PathOf(_next)), value);
        _next++;
        return ValueTask.FromResult(true);
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        // Binary search for the first generated key >= key.
        int low = 0, high = count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Encoding.UTF8.GetBytes(PathOf(middle)).AsSpan().SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        _next = low;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
