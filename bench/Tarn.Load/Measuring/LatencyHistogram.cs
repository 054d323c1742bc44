using System.Diagnostics;

namespace Tarn.Load.Measuring;

/// <summary>
/// A log-linear latency histogram in nanoseconds, in the spirit of HdrHistogram: values below 128 ns are
/// exact, larger ones land in one of 64 linear sub-buckets per power of two (at most ~1.6% error). Recording is
/// one array increment, so each worker owns one and they are merged after the run (no contention while timing).
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int LinearLimit = SubBuckets * 2;
    private const int BucketCount = LinearLimit + ((63 - SubBucketBits - 1) * SubBuckets);

    private readonly long[] _counts = new long[BucketCount];

    public long Count { get; private set; }

    public long MinNanoseconds { get; private set; } = long.MaxValue;

    public long MaxNanoseconds { get; private set; }

    public double TotalNanoseconds { get; private set; }

    public double MeanNanoseconds => Count == 0 ? 0 : TotalNanoseconds / Count;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public void RecordSince(long startTimestamp) => Record(ToNanoseconds(Stopwatch.GetTimestamp() - startTimestamp));

    public void Record(long nanoseconds)
    {
        nanoseconds = Math.Max(0, nanoseconds);
        _counts[IndexOf(nanoseconds)]++;
        Count++;
        TotalNanoseconds += nanoseconds;
        MinNanoseconds = Math.Min(MinNanoseconds, nanoseconds);
        MaxNanoseconds = Math.Max(MaxNanoseconds, nanoseconds);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        TotalNanoseconds += other.TotalNanoseconds;
        MinNanoseconds = Math.Min(MinNanoseconds, other.MinNanoseconds);
        MaxNanoseconds = Math.Max(MaxNanoseconds, other.MaxNanoseconds);
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> percent of the samples fall.</summary>
    public long PercentileNanoseconds(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                // The bucket's midpoint, kept within the exact extremes we saw.
                return Math.Clamp(MidpointOf(i), MinNanoseconds, MaxNanoseconds);
            }
        }

        return MaxNanoseconds;
    }

    /// <summary>How many samples are at least <paramref name="fromNanoseconds"/> and below <paramref name="toNanoseconds"/>.</summary>
    public long CountBetween(long fromNanoseconds, long toNanoseconds)
    {
        long total = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                var value = MidpointOf(i);
                if (value >= fromNanoseconds && value < toNanoseconds)
                {
                    total += _counts[i];
                }
            }
        }

        return total;
    }

    public static long ToNanoseconds(long stopwatchTicks) =>
        (long)(stopwatchTicks * (1_000_000_000.0 / Stopwatch.Frequency));

    private static int IndexOf(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        var exponent = 63 - long.LeadingZeroCount(value);
        var shift = (int)exponent - SubBucketBits;
        var subBucket = (int)(value >> shift) - SubBuckets;
        return LinearLimit + ((shift - 1) * SubBuckets) + subBucket;
    }

    private static long MidpointOf(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var shift = ((index - LinearLimit) / SubBuckets) + 1;
        var subBucket = ((index - LinearLimit) % SubBuckets) + SubBuckets;
        return ((long)subBucket << shift) + ((1L << shift) / 2);
    }
}
