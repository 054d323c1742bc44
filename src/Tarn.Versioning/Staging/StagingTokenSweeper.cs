using System.Text;
using Tarn.Kv;

namespace Tarn.Versioning.Staging;

/// <summary>
/// Deletes dropped staging tokens in the background (docs/staging.md, "Dropping tokens"): for each marker in
/// <see cref="StagingStore.CleanupPartition"/> it deletes the token's keys, then the marker, so a crash
/// mid-way leaves the marker and the next run finishes the job. Never runs on the request path; the
/// host runs <see cref="RunAsync"/> as a background loop.
/// </summary>
public sealed class StagingTokenSweeper(IKvStore kv, TimeProvider? time = null)
{
    /// <summary>Keys deleted per scan; the token is re-scanned from its start until nothing is left.</summary>
    private const int DeleteBatch = 1_000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Cleans every token marked when the run starts (and any marked during it, if reached).</summary>
    /// <returns>How many tokens were cleaned.</returns>
    public async ValueTask<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var markers = new List<byte[]>();
        await foreach (var marker in kv.ScanAsync(StagingStore.CleanupPartition, ReadOnlyMemory<byte>.Empty, cancellationToken))
        {
            markers.Add(marker.Key);
        }

        foreach (var marker in markers)
        {
            await DeleteTokenDataAsync(Encoding.UTF8.GetString(marker), cancellationToken);
            await kv.DeleteAsync(StagingStore.CleanupPartition, marker, cancellationToken);
        }

        return markers.Count;
    }

    /// <summary>
    /// Runs <see cref="RunOnceAsync"/> every <paramref name="interval"/> until cancelled. A failed run is
    /// reported to <paramref name="onError"/> (the host logs it) and retried at the next tick.
    /// </summary>
    public async Task RunAsync(TimeSpan interval, Action<Exception>? onError = null, CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(interval, _time);
        do
        {
            try
            {
                await RunOnceAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                onError?.Invoke(ex);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async ValueTask<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async ValueTask DeleteTokenDataAsync(string token, CancellationToken cancellationToken)
    {
        var batch = new List<byte[]>(DeleteBatch);
        while (true)
        {
            batch.Clear();
            // Collect first, delete after: deleting under an open scan would rely on scan isolation the KV contract does not promise.
            await foreach (var entry in kv.ScanAsync(token, ReadOnlyMemory<byte>.Empty, cancellationToken))
            {
                batch.Add(entry.Key);
                if (batch.Count == DeleteBatch)
                {
                    break;
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            foreach (var key in batch)
            {
                await kv.DeleteAsync(token, key, cancellationToken);
            }
        }
    }
}
