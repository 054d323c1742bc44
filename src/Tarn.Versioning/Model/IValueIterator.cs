namespace Tarn.Versioning.Model;

/// <summary>
/// A forward iterator over records in ascending key order that can jump ahead. Merge, diff and listing
/// need <see cref="SeekGE"/> and one-record lookahead, which <c>IAsyncEnumerable</c> cannot express.
/// </summary>
/// <remarks>
/// Protocol: call <see cref="MoveNextAsync"/> before reading <see cref="Current"/>; after
/// <see cref="SeekGE"/> call <see cref="MoveNextAsync"/> again to land on the first record with key
/// &gt;= the sought key.
/// </remarks>
public interface IValueIterator : IAsyncDisposable
{
    ValueRecord Current { get; }

    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default);

    /// <summary>Positions the iterator so the next <see cref="MoveNextAsync"/> yields the first key &gt;= <paramref name="key"/>.</summary>
    void SeekGE(ReadOnlySpan<byte> key);
}
