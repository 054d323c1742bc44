using System.Runtime.CompilerServices;

namespace Tarn.Kv;

/// <summary>
/// A non-durable store for unit tests and <c>database.type: mem</c>. It passes the same contract suite
/// as the durable stores, so tests that use it exercise the real semantics (ordering, CAS, scans).
/// </summary>
public sealed class MemoryKvStore : IKvStore
{
    private const int ScanBatch = 256;
    private readonly Dictionary<string, SortedList<byte[], byte[]>> _partitions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var keyArray = key.ToArray();
            return ValueTask.FromResult(
                _partitions.TryGetValue(partition, out var map) && map.TryGetValue(keyArray, out var value)
                    ? new KvEntry(keyArray, value.ToArray())
                    : null);
        }
    }

    public ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Partition(partition)[key.ToArray()] = value.ToArray();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var map = Partition(partition);
            var keyArray = key.ToArray();
            var exists = map.TryGetValue(keyArray, out var current);
            if (!predicate.IsSatisfiedBy(current, exists))
            {
                return ValueTask.FromResult(false);
            }

            map[keyArray] = value.ToArray();
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_partitions.TryGetValue(partition, out var map))
            {
                map.Remove(key.ToArray());
            }
        }

        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        KvGuard.CheckPartition(partition);
        var next = fromKey.ToArray();
        var inclusive = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = ReadBatch(partition, next, inclusive);
            foreach (var entry in batch)
            {
                // Checked per entry, not per batch: a caller that cancels mid-batch must stop at once.
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }

            if (batch.Count < ScanBatch)
            {
                yield break;
            }

            // Resume after the last key seen, so entries added behind the cursor are never repeated.
            next = batch[^1].Key;
            inclusive = false;
            await Task.Yield();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private List<KvEntry> ReadBatch(string partition, byte[] from, bool inclusive)
    {
        lock (_lock)
        {
            var result = new List<KvEntry>(Math.Min(ScanBatch, 16));
            if (!_partitions.TryGetValue(partition, out var map))
            {
                return result;
            }

            var keys = map.Keys;
            var index = LowerBound(keys, from);
            if (!inclusive && index < keys.Count && keys[index].AsSpan().SequenceEqual(from))
            {
                index++;
            }

            for (; index < keys.Count && result.Count < ScanBatch; index++)
            {
                result.Add(new KvEntry(keys[index].ToArray(), map.Values[index].ToArray()));
            }

            return result;
        }
    }

    private static int LowerBound(IList<byte[]> keys, byte[] target)
    {
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (KeyComparer.Instance.Compare(keys[mid], target) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private SortedList<byte[], byte[]> Partition(string partition)
    {
        if (!_partitions.TryGetValue(partition, out var map))
        {
            map = new SortedList<byte[], byte[]>(KeyComparer.Instance);
            _partitions[partition] = map;
        }

        return map;
    }
}
