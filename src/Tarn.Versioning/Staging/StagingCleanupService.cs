using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tarn.Kv;

namespace Tarn.Versioning.Staging;

/// <summary>
/// Deletes the staged entries of staging tokens that commits, merges and resets have consumed
/// (docs/staging.md, "Dropping tokens"): the engine only marks them, so no request waits for the deletion. Runs at
/// start (finishing what a crash interrupted) and then every few seconds; a failed run is logged and
/// retried at the next tick.
/// </summary>
internal sealed partial class StagingCleanupService(IKvStore kv, TimeProvider time, ILogger<StagingCleanupService> logger) : BackgroundService
{
    /// <summary>Often enough that a busy branch's consumed tokens never pile up, rarely enough to cost nothing when idle.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the store's reads complete synchronously, so the first sweep would otherwise
        // run (and be compiled) before the server answers its first request.
        await Task.Yield();
        await new StagingTokenSweeper(kv, time).RunAsync(Interval, error => LogSweepFailed(logger, error), stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting consumed staging tokens failed; retrying at the next run")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
