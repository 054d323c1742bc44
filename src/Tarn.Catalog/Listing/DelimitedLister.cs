using System.Text;
using Tarn.Catalog.Entries;
using Tarn.Versioning.Model;

namespace Tarn.Catalog.Listing;

/// <summary>
/// Listing with prefix, delimiter, after and amount (docs/objects.md, "Listing objects") over any ordered, seekable
/// stream of visible records. When a common prefix is emitted the stream seeks past everything under
/// it, so listing a folder with millions of descendants costs O(items returned × seek), not O(keys).
/// </summary>
public static class DelimitedLister
{
    public static async Task<ListPage> ListAsync(
        IValueIterator records, string prefix, string delimiter, string after, int amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var delimiterBytes = Encoding.UTF8.GetBytes(delimiter);
        var afterBytes = Encoding.UTF8.GetBytes(after);

        // Items must be strictly greater than `after`; start at whichever of prefix and after is later.
        records.SeekGE(afterBytes.AsSpan().SequenceCompareTo(prefixBytes) > 0 ? afterBytes : prefixBytes);
        var items = new List<ListItem>(Math.Min(amount + 1, 1024));
        while (items.Count <= amount && await records.MoveNextAsync(cancellationToken))
        {
            var record = records.Current;
            var key = record.Key;
            if (!key.AsSpan().StartsWith(prefixBytes))
            {
                break;
            }

            if (CommonPrefixOf(key, prefixBytes.Length, delimiterBytes) is { } common)
            {
                if (common.AsSpan().SequenceCompareTo(afterBytes) > 0)
                {
                    items.Add(new ListItem(Encoding.UTF8.GetString(common), null));
                }

                if (KeyBounds.UpperBound(common) is not { } next)
                {
                    break;
                }

                records.SeekGE(next);
                continue;
            }

            if (key.AsSpan().SequenceCompareTo(afterBytes) > 0 && record.Value is { } value)
            {
                items.Add(new ListItem(Encoding.UTF8.GetString(key), EntryCodec.Decode(value)));
            }
        }

        var hasMore = items.Count > amount;
        return new ListPage(hasMore ? items.GetRange(0, amount) : items, hasMore);
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
