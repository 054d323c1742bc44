using Tarn.Versioning.Model;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// Drops tombstones from a combined staging-over-committed stream, leaving what a branch shows: a key
/// deleted on the branch masks its committed value and is itself not listed.
/// </summary>
internal sealed class VisibleValuesIterator(IValueIterator combined) : IValueIterator
{
    public ValueRecord Current => combined.Current;

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        while (await combined.MoveNextAsync(cancellationToken))
        {
            if (!combined.Current.IsTombstone)
            {
                return true;
            }
        }

        return false;
    }

    public void SeekGE(ReadOnlySpan<byte> key) => combined.SeekGE(key);

    public ValueTask DisposeAsync() => combined.DisposeAsync();
}
