using System.Text;
using Tarn.Catalog.Entries;
using Tarn.Versioning.Committed;

namespace Tarn.Catalog.Tests.Diffs;

/// <summary>A hand-written diff stream over sorted paths that counts records read, to prove seeks skip subtrees.</summary>
internal sealed class SortedDiffs(params (string Path, DiffType Type, long Size)[] records) : IDiffIterator
{
    private readonly DiffRecord[] _records = [.. records
        .OrderBy(r => Encoding.UTF8.GetBytes(r.Path), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
        .Select(r => new DiffRecord(r.Type, Encoding.UTF8.GetBytes(r.Path), EntryCodec.Encode(Entry(r.Size)), null))];

    private int _next;

    public int Reads { get; private set; }

    public DiffRecord Current { get; private set; } = null!;

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (_next >= _records.Length)
        {
            return ValueTask.FromResult(false);
        }

        Current = _records[_next++];
        Reads++;
        return ValueTask.FromResult(true);
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _next = 0;
        while (_next < _records.Length && _records[_next].Key.AsSpan().SequenceCompareTo(key) < 0)
        {
            _next++;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ObjectEntry Entry(long size) => new() { Address = "data/x", Size = size, Checksum = "c" };
}
