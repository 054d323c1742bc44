namespace Tarn.Versioning.Committed;

/// <summary>
/// Differences in ascending key order. Same protocol as <see cref="Model.IValueIterator"/>: call
/// <see cref="MoveNextAsync"/> before <see cref="Current"/>; after <see cref="SeekGE"/> the next
/// <see cref="MoveNextAsync"/> lands on the first difference with key &gt;= the sought key.
/// </summary>
public interface IDiffIterator : IAsyncDisposable
{
    DiffRecord Current { get; }

    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default);

    void SeekGE(ReadOnlySpan<byte> key);
}
