using System.Diagnostics.CodeAnalysis;

namespace Tarn.Versioning.Committed;

/// <summary>
/// An LRU cache of immutable range files (open readers) and decoded metaranges, bounded by bytes and
/// shared by every reader of a <see cref="CommittedManager"/>. Files never change, so entries are never
/// invalidated, only evicted. Concurrent misses for one file share a single load.
/// </summary>
internal sealed class RangeCache
{
    private readonly long _capacityBytes;
    private readonly Dictionary<CacheKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<CacheKey, Task<object>> _loading = [];
    private readonly Lock _lock = new();
    private long _sizeBytes;

    public RangeCache(long capacityBytes) => _capacityBytes = capacityBytes;

    public long CapacityBytes => _capacityBytes;

    public long SizeBytes
    {
        get
        {
            lock (_lock)
            {
                return _sizeBytes;
            }
        }
    }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    /// <summary>Loads started because of misses (coalesced misses count once).</summary>
    public long Loads { get; private set; }

    /// <summary>
    /// The cached value for <paramref name="key"/>, or the result of <paramref name="load"/>, which runs once
    /// however many callers miss at the same time. The load itself is not cancelled when one caller gives
    /// up, because other callers may be waiting for it; each caller stops waiting on its own token.
    /// </summary>
    public ValueTask<object> GetOrLoadAsync(CacheKey key, Func<CacheKey, Task<(object Value, long Size)>> load, CancellationToken cancellationToken)
    {
        TaskCompletionSource<object>? owner = null;
        Task<object> pending;
        lock (_lock)
        {
            if (TryGetLocked(key, out var cached))
            {
                return ValueTask.FromResult(cached);
            }

            if (!_loading.TryGetValue(key, out var loading))
            {
                owner = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                loading = owner.Task;
                _loading[key] = loading;
                Loads++;
            }

            pending = loading;
        }

        if (owner is not null)
        {
            _ = LoadAsync(key, load, owner);
        }

        return new ValueTask<object>(pending.WaitAsync(cancellationToken));
    }

    /// <summary>Adds a value the caller already has (a file it just wrote).</summary>
    public void Add(CacheKey key, object value, long size)
    {
        lock (_lock)
        {
            Insert(key, value, size);
        }
    }

    /// <summary>The cached value, if any; a hit refreshes it, a miss loads nothing.</summary>
    public bool TryGet(CacheKey key, [NotNullWhen(true)] out object? value)
    {
        lock (_lock)
        {
            return TryGetLocked(key, out value);
        }
    }

    public bool Contains(CacheKey key)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(key);
        }
    }

    private async Task LoadAsync(CacheKey key, Func<CacheKey, Task<(object Value, long Size)>> load, TaskCompletionSource<object> completion)
    {
        try
        {
            var (value, size) = await load(key);
            lock (_lock)
            {
                _loading.Remove(key);
                Insert(key, value, size);
            }

            completion.SetResult(value);
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _loading.Remove(key);
            }

            completion.SetException(e);
        }
    }

    // Under _lock: a hit moves the entry to the front; hits and misses are counted.
    private bool TryGetLocked(CacheKey key, [NotNullWhen(true)] out object? value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            Hits++;
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        Misses++;
        value = null;
        return false;
    }

    private void Insert(CacheKey key, object value, long size)
    {
        if (size > _capacityBytes)
        {
            return;
        }

        if (_entries.TryGetValue(key, out var existing))
        {
            _recency.Remove(existing);
            _sizeBytes -= existing.Value.Size;
        }

        var node = _recency.AddFirst(new Entry(key, value, size));
        _entries[key] = node;
        _sizeBytes += size;
        while (_sizeBytes > _capacityBytes && _recency.Last is { } oldest)
        {
            _recency.RemoveLast();
            _entries.Remove(oldest.Value.Key);
            _sizeBytes -= oldest.Value.Size;
        }
    }

    private sealed record Entry(CacheKey Key, object Value, long Size);
}
