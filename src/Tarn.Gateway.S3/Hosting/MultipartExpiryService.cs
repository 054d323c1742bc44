using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tarn.Catalog.Multipart;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>
/// Aborts multipart uploads left open longer than <see cref="GatewayOptions.MultipartUploadExpiry"/>
/// (docs/gateway.md, "Multipart uploads"), once at start and then every hour, so abandoned parts do not fill the block store.
/// </summary>
internal sealed partial class MultipartExpiryService(
    MultipartUploads uploads, GatewayOptions options, TimeProvider time, ILogger<MultipartExpiryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.MultipartUploadExpiry <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var expired = await uploads.ExpireAsync(time.GetUtcNow() - options.MultipartUploadExpiry, stoppingToken);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried at the next tick; it must never take the server down.
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted {Count} expired multipart uploads")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring multipart uploads failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
