using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Tarn.Kv;

namespace Tarn.Catalog.Multipart;

/// <summary>
/// Tracker records of multipart uploads in their own KV partition: <c>upload/&lt;id&gt;</c> holds the
/// <see cref="MultipartUpload"/>, <c>part/&lt;id&gt;/&lt;NNNNN&gt;</c> one <see cref="MultipartPart"/> per
/// uploaded part (zero-padded so the scan order is the part-number order).
/// </summary>
public sealed class MultipartUploadStore(IKvStore kv)
{
    /// <summary>The KV partition of every tracker record.</summary>
    public const string Partition = "multipart-uploads";

    private readonly IKvStore _kv = kv ?? throw new ArgumentNullException(nameof(kv));

    /// <summary>Records a new upload; an id already recorded is a bug of the block store (ids are random).</summary>
    public async Task CreateAsync(MultipartUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var value = JsonSerializer.SerializeToUtf8Bytes(upload, MultipartJsonContext.Default.MultipartUpload);
        if (!await _kv.SetIfAsync(Partition, UploadKey(upload.UploadId), value, KvPredicate.Absent, cancellationToken))
        {
            throw new InvalidOperationException("The block store issued an upload id that is already tracked.");
        }
    }

    /// <summary>The upload, or null when it is unknown, completed or aborted.</summary>
    public async Task<MultipartUpload?> GetAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadId);
        var entry = await _kv.GetAsync(Partition, UploadKey(uploadId), cancellationToken);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value, MultipartJsonContext.Default.MultipartUpload);
    }

    /// <summary>Every tracked upload, in upload-id order (for expiring abandoned ones).</summary>
    public async IAsyncEnumerable<MultipartUpload> ListUploadsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = Encoding.UTF8.GetBytes(UploadPrefix);
        await foreach (var entry in _kv.ScanAsync(Partition, prefix, cancellationToken))
        {
            if (!entry.Key.AsSpan().StartsWith(prefix))
            {
                yield break;
            }

            if (JsonSerializer.Deserialize(entry.Value, MultipartJsonContext.Default.MultipartUpload) is { } upload)
            {
                yield return upload;
            }
        }
    }

    /// <summary>Remembers a stored part, replacing an earlier upload of the same number.</summary>
    public async Task SetPartAsync(string uploadId, MultipartPart part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        var value = JsonSerializer.SerializeToUtf8Bytes(part, MultipartJsonContext.Default.MultipartPart);
        await _kv.SetAsync(Partition, PartKey(uploadId, part.PartNumber), value, cancellationToken);
    }

    /// <summary>Parts with a number greater than <paramref name="afterPartNumber"/>, ascending, at most <paramref name="maxParts"/>.</summary>
    public async Task<MultipartPartsPage> ListPartsAsync(string uploadId, int afterPartNumber, int maxParts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxParts);
        var prefix = PartPrefix(uploadId);
        var parts = new List<MultipartPart>();
        await foreach (var entry in _kv.ScanAsync(Partition, PartKey(uploadId, Math.Max(afterPartNumber + 1, 0)), cancellationToken))
        {
            if (!entry.Key.AsSpan().StartsWith(prefix))
            {
                break;
            }

            if (parts.Count == maxParts)
            {
                return new MultipartPartsPage(parts, true);
            }

            parts.Add(JsonSerializer.Deserialize(entry.Value, MultipartJsonContext.Default.MultipartPart)
                ?? throw new InvalidDataException("A stored multipart part is null."));
        }

        return new MultipartPartsPage(parts, false);
    }

    /// <summary>Forgets the upload and its parts (after completion or abort).</summary>
    public async Task DeleteAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        var prefix = PartPrefix(uploadId);
        var keys = new List<byte[]>();
        await foreach (var entry in _kv.ScanAsync(Partition, prefix, cancellationToken))
        {
            if (!entry.Key.AsSpan().StartsWith(prefix))
            {
                break;
            }

            keys.Add(entry.Key);
        }

        foreach (var key in keys)
        {
            await _kv.DeleteAsync(Partition, key, cancellationToken);
        }

        // The upload record goes last: while it exists a retry can still find and clean up the parts.
        await _kv.DeleteAsync(Partition, UploadKey(uploadId), cancellationToken);
    }

    private const string UploadPrefix = "upload/";

    private static byte[] UploadKey(string uploadId) => Encoding.UTF8.GetBytes(UploadPrefix + uploadId);

    private static byte[] PartPrefix(string uploadId) => Encoding.UTF8.GetBytes("part/" + uploadId + "/");

    private static byte[] PartKey(string uploadId, int partNumber) =>
        Encoding.UTF8.GetBytes("part/" + uploadId + "/" + partNumber.ToString("D5", CultureInfo.InvariantCulture));
}
