using Tarn.Versioning.Model;

namespace Tarn.Versioning.Staging;

/// <summary>
/// Merges the ordered streams of several tokens given newest first. At each key the record of the
/// lowest-index (newest) source that holds it wins and the others are skipped, so a tombstone in a
/// newer token hides an older value and a newer value hides an older tombstone.
/// </summary>
internal sealed class CombinedStagingIterator(IValueIterator[] sources) : IValueIterator
{
    private readonly bool[] _hasCurrent = new bool[sources.Length];
    private bool _primed;
    private ValueRecord? _current;

    public ValueRecord Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true.");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (!_primed)
        {
            for (var i = 0; i < sources.Length; i++)
            {
                _hasCurrent[i] = await sources[i].MoveNextAsync(cancellationToken);
            }

            _primed = true;
        }
        else if (_current is not null)
        {
            // Advance every source sitting on the key just emitted (the winner and the ones it hid).
            for (var i = 0; i < sources.Length; i++)
            {
                if (_hasCurrent[i] && sources[i].Current.Key.AsSpan().SequenceEqual(_current.Key))
                {
                    _hasCurrent[i] = await sources[i].MoveNextAsync(cancellationToken);
                }
            }
        }

        var winner = -1;
        for (var i = 0; i < sources.Length; i++)
        {
            if (_hasCurrent[i] && (winner < 0 || sources[i].Current.Key.AsSpan().SequenceCompareTo(sources[winner].Current.Key) < 0))
            {
                winner = i;
            }
        }

        _current = winner < 0 ? null : sources[winner].Current;
        return winner >= 0;
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        foreach (var source in sources)
        {
            source.SeekGE(key);
        }

        _primed = false;
        _current = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
