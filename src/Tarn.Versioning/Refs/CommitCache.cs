using System.Collections.Concurrent;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Commit records are immutable, so they can be cached without invalidation. Entries are keyed by the
/// repository <em>instance</em> partition, so a deleted and recreated repository never sees the old
/// instance's commits. Bounded: past <see cref="Capacity"/> the oldest insertions are evicted.
/// </summary>
public sealed class CommitCache
{
    /// <summary>lakeFS keeps 50,000 commits.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<(string Partition, CommitId Id), CommitRecord> _entries = new();
    private readonly ConcurrentQueue<(string Partition, CommitId Id)> _insertionOrder = new();

    public CommitCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    public bool TryGet(string partition, CommitId id, out CommitRecord commit) =>
        _entries.TryGetValue((partition, id), out commit!);

    public void Add(string partition, CommitRecord commit)
    {
        var key = (partition, commit.Id);
        if (!_entries.TryAdd(key, commit))
        {
            return;
        }

        _insertionOrder.Enqueue(key);
        while (_entries.Count > Capacity && _insertionOrder.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }
}
