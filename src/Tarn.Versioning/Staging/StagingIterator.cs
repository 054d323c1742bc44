using Tarn.Kv;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Staging;

/// <summary>
/// Ordered records of one staging token, read by KV scans. A seek abandons the current scan and starts
/// a new one at the sought key, so a seek costs one ordered lookup in the store, not a walk.
/// </summary>
/// <remarks>A scan observes the cancellation token of the <see cref="MoveNextAsync"/> call that opened it.</remarks>
internal sealed class StagingIterator(IKvStore kv, StagingToken token) : IValueIterator
{
    private IAsyncEnumerator<KvEntry>? _scan;
    private IAsyncEnumerator<KvEntry>? _abandoned;
    private byte[] _from = [];
    private ValueRecord? _current;

    public ValueRecord Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true.");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        await DisposeAbandonedAsync();
        _scan ??= kv.ScanAsync(token.Value, _from, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await _scan.MoveNextAsync())
        {
            _current = null;
            return false;
        }

        var entry = _scan.Current;
        _current = new ValueRecord(entry.Key, StagedValueCodec.Decode(entry.Value));
        return true;
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        // SeekGE is synchronous by contract; the old scan is disposed on the next async call.
        _abandoned = _scan;
        _scan = null;
        _from = key.ToArray();
        _current = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAbandonedAsync();
        if (_scan is not null)
        {
            await _scan.DisposeAsync();
            _scan = null;
        }
    }

    private async ValueTask DisposeAbandonedAsync()
    {
        if (_abandoned is not null)
        {
            var abandoned = _abandoned;
            _abandoned = null;
            await abandoned.DisposeAsync();
        }
    }
}
