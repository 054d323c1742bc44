using System.Text;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Listing;
using Tarn.Versioning.Committed;

namespace Tarn.Catalog.Diffs;

/// <summary>
/// Prefix, delimiter, after and amount over a sorted, seekable diff stream (docs/diff.md, "Paging a diff"),
/// without lakeFS's loss of entries (docs/lakefs-quirks.md, "Diff paging with a delimiter loses nothing"):
/// paging resumes strictly after <c>after</c>, and skips the whole subtree only when <c>after</c> was a
/// common prefix (ends with the delimiter), so an object named like a folder's prefix (<c>b</c> next to
/// <c>b.txt</c> and <c>b/x</c>) never hides its neighbours.
/// </summary>
public static class DelimitedDiffLister
{
    /// <summary>
    /// One page of <paramref name="diffs"/>; <paramref name="removedSizeIsZero"/> is true for a branch's
    /// uncommitted diff, whose removals are tombstones without an entry of their own.
    /// </summary>
    public static async Task<DiffPage> ListAsync(
        IDiffIterator diffs,
        string prefix,
        string delimiter,
        string after,
        int amount,
        bool removedSizeIsZero,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var delimiterBytes = Encoding.UTF8.GetBytes(delimiter);
        var afterBytes = Encoding.UTF8.GetBytes(after);

        diffs.SeekGE(StartOf(prefixBytes, delimiterBytes, afterBytes));
        var items = new List<DiffItem>(Math.Min(amount + 1, 1024));
        while (items.Count <= amount && await diffs.MoveNextAsync(cancellationToken))
        {
            var record = diffs.Current;
            var key = record.Key;
            if (!key.AsSpan().StartsWith(prefixBytes))
            {
                break;
            }

            if (CommonPrefixOf(key, prefixBytes.Length, delimiterBytes) is { } common)
            {
                if (common.AsSpan().SequenceCompareTo(afterBytes) > 0)
                {
                    items.Add(DiffItem.CommonPrefix(Encoding.UTF8.GetString(common)));
                }

                if (KeyBounds.UpperBound(common) is not { } next)
                {
                    break;
                }

                diffs.SeekGE(next);
                continue;
            }

            if (key.AsSpan().SequenceCompareTo(afterBytes) > 0)
            {
                items.Add(ItemOf(record, removedSizeIsZero));
            }
        }

        var hasMore = items.Count > amount;
        return new DiffPage(hasMore ? items.GetRange(0, amount) : items, hasMore);
    }

    private static byte[] StartOf(byte[] prefix, byte[] delimiter, byte[] after)
    {
        if (after.Length == 0 || after.AsSpan().SequenceCompareTo(prefix) < 0)
        {
            return prefix;
        }

        // A page that ended on a common prefix resumes after everything beneath it.
        if (delimiter.Length > 0 && after.AsSpan().EndsWith(delimiter) && KeyBounds.UpperBound(after) is { } bound)
        {
            return bound;
        }

        return after;
    }

    private static DiffItem ItemOf(DiffRecord record, bool removedSizeIsZero)
    {
        var size = record.Type == DiffType.Removed && removedSizeIsZero ? 0 : EntryCodec.Decode(record.Value).Size;
        return new DiffItem(Encoding.UTF8.GetString(record.Key), record.Type, size, false);
    }

    // The key up to and including the first delimiter after the prefix, or null when the rest has none.
    private static byte[]? CommonPrefixOf(byte[] key, int prefixLength, byte[] delimiter)
    {
        if (delimiter.Length == 0)
        {
            return null;
        }

        var index = key.AsSpan(prefixLength).IndexOf(delimiter);
        return index < 0 ? null : key.AsSpan(0, prefixLength + index + delimiter.Length).ToArray();
    }
}
