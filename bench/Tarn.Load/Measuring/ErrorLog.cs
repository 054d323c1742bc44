using System.Collections.Concurrent;
using Tarn.Load.Api;

namespace Tarn.Load.Measuring;

/// <summary>
/// Counts failed operations by message, so a report says what failed ("501 not implemented" × 40) instead of
/// a bare number. Only the first few distinct messages are kept; the rest are counted under "other".
/// </summary>
internal sealed class ErrorLog
{
    private const int MaxDistinctMessages = 8;
    private const string OtherMessages = "(other messages)";
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;
    private long _notImplemented;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Failures that were the server answering 501: a missing feature, not a broken one.</summary>
    public long NotImplemented => Interlocked.Read(ref _notImplemented);

    public void Add(Exception error)
    {
        Interlocked.Increment(ref _total);
        if (error is LoadRequestException { Status: 501 })
        {
            Interlocked.Increment(ref _notImplemented);
        }

        var message = Describe(error);
        if (_counts.Count >= MaxDistinctMessages && !_counts.ContainsKey(message))
        {
            message = OtherMessages;
        }

        _counts.AddOrUpdate(message, 1, (_, count) => count + 1);
    }

    public void Add(ErrorLog other)
    {
        Interlocked.Add(ref _total, other.Total);
        Interlocked.Add(ref _notImplemented, other.NotImplemented);
        foreach (var (message, count) in other._counts)
        {
            _counts.AddOrUpdate(message, count, (_, existing) => existing + count);
        }
    }

    /// <summary>Messages with their counts, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Messages() =>
        [.. _counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)];

    private static string Describe(Exception error) => error switch
    {
        TaskCanceledException or TimeoutException => "timeout: " + error.Message,
        _ when error.InnerException is { } inner && inner.Message != error.Message => $"{error.Message} ({inner.Message})",
        _ => error.Message,
    };
}
