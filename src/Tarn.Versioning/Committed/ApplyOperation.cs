using Tarn.Core;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Builds a tree from a base tree and sorted changes in one ordered pass (docs/architecture.md, "Algorithms"): base
/// ranges that no change falls into are reused by ID without being read; ranges with changes are
/// rewritten record by record. A change whose identity equals the base record's keeps the base record.
/// </summary>
internal static class ApplyOperation
{
    public static async Task<ApplyResult> RunAsync(
        TreeCursor baseTree,
        MetaRangeId baseId,
        IValueIterator changes,
        MetaRangeWriter writer,
        ApplyOptions options,
        CancellationToken cancellationToken)
    {
        var stream = new ChangeStream(changes);
        long added = 0, removed = 0, changed = 0;
        var change = await stream.NextAsync(cancellationToken);
        var hasBase = await baseTree.NextAsync(cancellationToken);
        while (hasBase)
        {
            if (baseTree.AtHeader)
            {
                var range = baseTree.Range;
                // Reuse only when the output is at a range boundary: records still open belong in front of this
                // range's records, and closing them early would leave a tiny range that a tree built from
                // scratch would not have (same content must give the same ranges, hence the same IDs).
                var untouched = change is null || (change.Key.AsSpan().SequenceCompareTo(range.MaxKey) > 0 && !BelongsAtEnd(change, range, baseTree.FollowingRange, writer.Split));
                if (untouched && !writer.HasOpenRange)
                {
                    await writer.AddRangeAsync(range);
                    hasBase = await baseTree.NextRangeAsync(cancellationToken);
                }
                else if (change is not null && change.Key.AsSpan().SequenceCompareTo(range.MinKey) < 0)
                {
                    added += await AddAsync(writer, change);
                    change = await stream.NextAsync(cancellationToken);
                }
                else
                {
                    hasBase = await baseTree.NextAsync(cancellationToken);
                }

                continue;
            }

            var order = change is null ? -1 : baseTree.Key.SequenceCompareTo(change.Key);
            if (order < 0)
            {
                await writer.AddRecordAsync(baseTree.KeyMemory, baseTree.IdentityMemory, baseTree.DataMemory);
                hasBase = await baseTree.NextAsync(cancellationToken);
                continue;
            }

            if (order > 0)
            {
                added += await AddAsync(writer, change!);
                change = await stream.NextAsync(cancellationToken);
                continue;
            }

            if (change!.Value is not { } value)
            {
                removed++;
            }
            else if (baseTree.Identity.SequenceEqual(value.Identity))
            {
                await writer.AddRecordAsync(baseTree.KeyMemory, baseTree.IdentityMemory, baseTree.DataMemory);
            }
            else
            {
                await writer.AddRecordAsync(change.Key, value.Identity, value.Data);
                changed++;
            }

            hasBase = await baseTree.NextAsync(cancellationToken);
            change = await stream.NextAsync(cancellationToken);
        }

        for (; change is not null; change = await stream.NextAsync(cancellationToken))
        {
            added += await AddAsync(writer, change);
        }

        var summary = new ApplySummary(added, removed, changed);
        if (summary.IsEmpty)
        {
            if (!options.AllowEmpty)
            {
                throw TarnException.Invalid("no changes");
            }

            if (!baseId.IsEmpty)
            {
                // Same records as the base: the base tree is the answer, no new metarange needed.
                return new ApplyResult(baseId, summary);
            }
        }

        return new ApplyResult(await writer.FinishAsync(), summary);
    }

    /// <summary>
    /// True when <paramref name="change"/> falls right after a range that did not end on a content boundary
    /// (typically the last range, when keys are appended): the range is then rewritten with the change
    /// appended, instead of being reused and followed by a new tiny range. Without this, every commit
    /// that appends would add a range, and trees would depend on their history, not just their content.
    /// </summary>
    private static bool BelongsAtEnd(ValueRecord change, RangeInfo range, RangeInfo? following, SplitPolicy split) =>
        !split.EndsNaturally(range) && (following is null || change.Key.AsSpan().SequenceCompareTo(following.MinKey) < 0);

    /// <summary>Writes an addition; a tombstone of a key the base does not have changes nothing.</summary>
    private static async ValueTask<long> AddAsync(MetaRangeWriter writer, ValueRecord change)
    {
        if (change.Value is not { } value)
        {
            return 0;
        }

        await writer.AddRecordAsync(change.Key, value.Identity, value.Data);
        return 1;
    }

    /// <summary>The caller's changes, checked to be strictly ascending (bad input must not build a broken tree).</summary>
    private sealed class ChangeStream(IValueIterator changes)
    {
        private byte[]? _previousKey;

        public async ValueTask<ValueRecord?> NextAsync(CancellationToken cancellationToken)
        {
            if (!await changes.MoveNextAsync(cancellationToken))
            {
                return null;
            }

            var change = changes.Current;
            if (_previousKey is not null && change.Key.AsSpan().SequenceCompareTo(_previousKey) <= 0)
            {
                throw TarnException.Invalid("changes must be sorted by key without duplicates");
            }

            _previousKey = change.Key;
            return change;
        }
    }
}
