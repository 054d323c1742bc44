using System.Buffers;
using System.Security.Cryptography;
using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// Copies a stream through one pooled buffer while computing its MD5 and length, so objects of any
/// size pass through a fixed amount of memory, and stops as soon as the data outgrows the size the
/// caller announced.
/// </summary>
internal static class HashingCopy
{
    /// <summary>Marks "size not known in advance".</summary>
    public const long UnknownSize = -1;

    private const int BufferSize = 128 * 1024;

    /// <summary>Copies all of <paramref name="source"/> and returns its length and binary MD5.</summary>
    public static async Task<(long Size, byte[] Md5)> CopyAsync(Stream source, Stream destination, long expectedSize, CancellationToken cancellationToken)
    {
        CheckExpectedSize(expectedSize);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (expectedSize != UnknownSize && total > expectedSize)
                {
                    throw SizeMismatch(expectedSize, $"more than {expectedSize}");
                }

                md5.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (expectedSize != UnknownSize && total != expectedSize)
            {
                throw SizeMismatch(expectedSize, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return (total, md5.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Rejects sizes other than -1 (unknown) and non-negative counts before anything is written.</summary>
    public static void CheckExpectedSize(long expectedSize)
    {
        if (expectedSize < UnknownSize)
        {
            throw TarnException.Invalid($"invalid expected size {expectedSize}: use -1 when the size is unknown");
        }
    }

    private static TarnException SizeMismatch(long expected, string actual) =>
        TarnException.Invalid($"content size mismatch: expected {expected} bytes, received {actual}");
}
