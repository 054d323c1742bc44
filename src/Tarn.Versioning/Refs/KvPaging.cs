using System.Runtime.CompilerServices;
using System.Text;
using Tarn.Kv;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Prefix/after/amount paging over one key family of a partition (e.g. <c>branches/</c>): the scan
/// starts at the later of the prefix and just after <c>after</c>, stops when keys leave the prefix,
/// and reads one item more than the page to know whether another exists.
/// </summary>
internal static class KvPaging
{
    public static async ValueTask<Page<T>> ReadPageAsync<T>(
        IKvStore kv,
        string partition,
        string keyPrefix,
        PageRequest request,
        Func<KvEntry, T?> decode,
        Func<T, string> idOf,
        CancellationToken cancellationToken)
        where T : class
    {
        var amount = request.EffectiveAmount;
        var items = new List<T>(Math.Min(amount + 1, 64));
        await foreach (var entry in ScanFamilyAsync(kv, partition, keyPrefix, request.Prefix, request.After, cancellationToken))
        {
            var item = decode(entry);
            if (item is null)
            {
                continue;
            }

            items.Add(item);
            if (items.Count > amount)
            {
                break;
            }
        }

        var hasMore = items.Count > amount;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new Page<T>(items, hasMore, hasMore ? idOf(items[^1]) : "");
    }

    /// <summary>Entries whose key is <paramref name="keyPrefix"/> + an ID starting with <paramref name="idPrefix"/> and greater than <paramref name="after"/>.</summary>
    public static async IAsyncEnumerable<KvEntry> ScanFamilyAsync(
        IKvStore kv,
        string partition,
        string keyPrefix,
        string? idPrefix,
        string? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = Encoding.UTF8.GetBytes(keyPrefix + (idPrefix ?? ""));
        var from = prefix;
        if (!string.IsNullOrEmpty(after))
        {
            // Strictly after: the smallest key greater than the "after" key is that key plus a zero byte.
            var afterKey = Encoding.UTF8.GetBytes(keyPrefix + after + "\0");
            if (afterKey.AsSpan().SequenceCompareTo(from) > 0)
            {
                from = afterKey;
            }
        }

        await foreach (var entry in kv.ScanAsync(partition, from, cancellationToken))
        {
            if (!entry.Key.AsSpan().StartsWith(prefix))
            {
                yield break;
            }

            yield return entry;
        }
    }
}
