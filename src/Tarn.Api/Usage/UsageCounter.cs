using System.Collections.Concurrent;
using Tarn.Api.Contracts;

namespace Tarn.Api.Usage;

/// <summary>
/// Counts API calls per UTC month for the usage report (<c>usage_report.enabled</c>). Counting is an
/// interlocked increment on the request path; <see cref="FlushAsync"/> moves the counts to the store in
/// the background, so the request path never waits for storage.
/// </summary>
public sealed class UsageCounter(IUsageStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<int, Counter> _months = new();

    public void Increment()
    {
        var now = time.GetUtcNow();
        var counter = _months.GetOrAdd((now.Year * 100) + now.Month, static _ => new Counter());
        Interlocked.Increment(ref counter.Value);
    }

    /// <summary>Persists what was counted since the last flush.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (monthKey, counter) in _months)
        {
            var count = Interlocked.Exchange(ref counter.Value, 0);
            if (count > 0)
            {
                await store.AddAsync(monthKey / 100, monthKey % 100, count, cancellationToken);
            }
        }
    }

    /// <summary>The report: flushed months plus what was still pending.</summary>
    public async ValueTask<IReadOnlyList<UsageReport>> ReadAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await store.ReadAllAsync(cancellationToken);
    }

    private sealed class Counter
    {
        public long Value;
    }
}
