using System.Collections.Concurrent;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Repository records read recently, so a request does not read its repository from the metadata store
/// once per layer (lakeFS's <c>graveler.repository_cache</c>: 1,000 entries for 5 s). Changes made through
/// this process invalidate at once; a change made by another process sharing the database (a deletion) is
/// seen within <see cref="Expiry"/>. Only found records are cached, so a new repository is never hidden.
/// </summary>
public sealed class RepositoryCache
{
    public const int DefaultCapacity = 1_000;

    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (RepositoryRecord Record, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <param name="time">The clock that decides expiry.</param>
    /// <param name="expiry">How long a record is trusted; zero turns the cache off.</param>
    /// <param name="capacity">Records kept before the cache starts over.</param>
    public RepositoryCache(TimeProvider time, TimeSpan? expiry = null, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _time = time;
        Expiry = expiry ?? DefaultExpiry;
        ArgumentOutOfRangeException.ThrowIfLessThan(Expiry, TimeSpan.Zero);
        Capacity = capacity;
    }

    public TimeSpan Expiry { get; }

    public int Capacity { get; }

    public bool TryGet(string repositoryId, out RepositoryRecord record)
    {
        if (_entries.TryGetValue(repositoryId, out var entry) && _time.GetUtcNow() < entry.ExpiresAt)
        {
            record = entry.Record;
            return true;
        }

        record = null!;
        return false;
    }

    public void Add(RepositoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Expiry == TimeSpan.Zero)
        {
            return;
        }

        // Full: start over rather than track recency; refilling costs one read per active repository.
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[record.Id] = (record, _time.GetUtcNow() + Expiry);
    }

    public void Invalidate(string repositoryId) => _entries.TryRemove(repositoryId, out _);
}
