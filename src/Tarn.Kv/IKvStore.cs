namespace Tarn.Kv;

/// <summary>
/// The metadata store: an ordered byte-key/byte-value map split into partitions. Five operations, with
/// compare-and-swap (<see cref="SetIfAsync"/>) as the only concurrency primitive, so the same contract
/// can be served by an embedded file, a SQL server or a distributed KV service.
/// </summary>
/// <remarks>
/// Keys order by unsigned byte comparison inside a partition. Every acknowledged write (a completed
/// <see cref="SetAsync"/>, successful <see cref="SetIfAsync"/> or <see cref="DeleteAsync"/>) is durable:
/// it survives a crash of the process. Keys must be non-empty; partitions must be non-empty.
/// </remarks>
public interface IKvStore : IAsyncDisposable
{
    /// <summary>The entry stored under <paramref name="key"/>, or null when there is none.</summary>
    ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any previous value.</summary>
    ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> only if the current state matches <paramref name="predicate"/>;
    /// returns false (and writes nothing) otherwise. This is how branches move and records are created once.
    /// </summary>
    ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default);

    /// <summary>Removes the key; removing a missing key is not an error.</summary>
    ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entries of the partition with key &gt;= <paramref name="fromKey"/> in ascending key order. The scan
    /// reads in batches; entries written while it runs may or may not be seen, but none is seen twice.
    /// </summary>
    IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, CancellationToken cancellationToken = default);
}
