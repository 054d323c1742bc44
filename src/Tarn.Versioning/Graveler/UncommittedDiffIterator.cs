using Tarn.Blocks;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Graveler;

/// <summary>
/// A branch's uncommitted changes (docs/diff.md, "Uncommitted changes"): the combined staging stream, each key
/// looked up in the HEAD tree and classified; staged values equal to HEAD and tombstones of absent keys
/// are skipped. A removal carries HEAD's value (the API reports its size as 0).
/// </summary>
internal sealed class UncommittedDiffIterator(IValueIterator staged, CommittedManager committed, StorageNamespace storageNamespace, MetaRangeId head)
    : IDiffIterator
{
    private DiffRecord? _current;

    public DiffRecord Current => _current ?? throw new InvalidOperationException("the iterator is not positioned on a difference");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        _current = null;
        while (await staged.MoveNextAsync(cancellationToken))
        {
            var record = staged.Current;
            _current = StagedComparison.Classify(record, await committed.GetAsync(storageNamespace, head, record.Key, cancellationToken));
            if (_current is not null)
            {
                return true;
            }
        }

        return false;
    }

    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _current = null;
        staged.SeekGE(key);
    }

    public ValueTask DisposeAsync() => staged.DisposeAsync();
}
