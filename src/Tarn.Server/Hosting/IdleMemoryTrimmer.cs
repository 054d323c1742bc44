namespace Tarn.Server.Hosting;

/// <summary>
/// Gives memory back to the operating system once a burst of load is over. The garbage collector runs only
/// when the process allocates, so a server that goes quiet after a busy minute keeps the heap that minute
/// grew (plus pooled buffers) until traffic returns. Every <see cref="Interval"/> this looks at how much the
/// process allocated since the last look: when that is below <see cref="QuietAllocationBytes"/> (no real
/// traffic) and something was allocated since the last trim, it runs one compacting collection in
/// aggressive mode, which also releases free memory and trims pooled arrays. Under load it does nothing, so
/// throughput is not touched; a quiet server pays one collection per quiet period.
/// </summary>
internal sealed partial class IdleMemoryTrimmer(
    TimeProvider time, ILogger<IdleMemoryTrimmer> logger, Func<long>? allocatedBytes = null, Action? collect = null) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Less than this allocated in one interval counts as quiet (health checks and the odd request).</summary>
    public const long QuietAllocationBytes = 8L * 1024 * 1024;

    /// <summary>Allocated since the last trim before another one is worth its pause.</summary>
    public const long WorthTrimmingBytes = 64L * 1024 * 1024;

    private readonly Func<long> _allocatedBytes = allocatedBytes ?? (() => GC.GetTotalAllocatedBytes());
    private readonly Action _collect = collect ?? (() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    private PeriodicTimer? _timer;
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer exists when start returns, so no interval is missed however late the loop first runs.
        _timer = new PeriodicTimer(Interval, time);
        _loop = WatchAsync(_timer, _allocatedBytes());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await _loop.WaitAsync(cancellationToken);
    }

    public void Dispose() => _timer?.Dispose();

    private async Task WatchAsync(PeriodicTimer timer, long lastSeen)
    {
        var lastTrim = lastSeen;
        while (await timer.WaitForNextTickAsync())
        {
            var now = _allocatedBytes();
            var quiet = now - lastSeen < QuietAllocationBytes;
            lastSeen = now;
            if (quiet && now - lastTrim >= WorthTrimmingBytes)
            {
                var before = Environment.WorkingSet;
                _collect();
                lastTrim = lastSeen = _allocatedBytes();
                LogTrimmed(logger, before >> 20, Environment.WorkingSet >> 20);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Load is over: memory trimmed from {BeforeMiB} MiB to {AfterMiB} MiB")]
    private static partial void LogTrimmed(ILogger logger, long beforeMiB, long afterMiB);
}
