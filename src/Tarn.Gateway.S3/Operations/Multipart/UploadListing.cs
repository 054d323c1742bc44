using System.Globalization;
using Tarn.Catalog.Multipart;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>
/// The paging rules of ListMultipartUploads (AWS semantics): uploads in listing order (key, then initiation
/// time), filtered by <c>prefix</c>, rolled up into common prefixes at the first <c>delimiter</c> after the
/// prefix, resumed after <c>key-marker</c> / <c>upload-id-marker</c>, at most <c>max-uploads</c> entries
/// (an upload or a common prefix each count as one).
/// </summary>
public static class UploadListing
{
    public const int MaxUploads = 1000;

    /// <summary>
    /// <c>max-uploads</c>: absent means 1000, larger values are capped at 1000, anything that is not a whole number
    /// from 1 up is 400 <c>InvalidArgument</c>.
    /// </summary>
    public static int ParseMaxUploads(string? text)
    {
        if (text is null)
        {
            return MaxUploads;
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new S3ErrorException(S3Errors.InvalidArgument.WithMessage("max-uploads must be an integer from 1 to 1000."));
        }

        // Digits only, so a failed parse can only be an overflow: far above the cap.
        var value = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        return value switch
        {
            0 => throw new S3ErrorException(S3Errors.InvalidArgument.WithMessage("max-uploads must be an integer from 1 to 1000.")),
            > MaxUploads => MaxUploads,
            _ => value,
        };
    }

    /// <summary>
    /// One page of <paramref name="ordered"/> (one repository's uploads in listing order). Without
    /// <paramref name="keyMarker"/> the upload-id marker is ignored; with it alone, listing resumes after every
    /// upload of that key; with both, after that upload of the key. An upload-id marker that is no longer open
    /// (completed or aborted since the previous page) resumes at the key's first upload, so nothing is skipped.
    /// </summary>
    public static UploadListingPage Page(
        IReadOnlyList<MultipartUpload> ordered, string prefix, string delimiter, string keyMarker, string uploadIdMarker, int maxUploads)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(delimiter);
        ArgumentNullException.ThrowIfNull(keyMarker);
        ArgumentNullException.ThrowIfNull(uploadIdMarker);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxUploads);

        var uploads = new List<MultipartUpload>();
        var commonPrefixes = new List<string>();
        var nextKeyMarker = "";
        var nextUploadIdMarker = "";
        for (var index = StartIndex(ordered, keyMarker, uploadIdMarker); index < ordered.Count; index++)
        {
            var upload = ordered[index];
            var key = MultipartUploads.KeyOf(upload);
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var commonPrefix = CommonPrefix(key, prefix, delimiter);
            if (commonPrefix is not null
                && (commonPrefix == nextKeyMarker || (keyMarker.Length > 0 && string.CompareOrdinal(commonPrefix, keyMarker) <= 0)))
            {
                // Rolled into the common prefix just listed, or into one a previous page ended with.
                continue;
            }

            if (uploads.Count + commonPrefixes.Count == maxUploads)
            {
                return new UploadListingPage(uploads, commonPrefixes, true, nextKeyMarker, nextUploadIdMarker);
            }

            if (commonPrefix is not null)
            {
                commonPrefixes.Add(commonPrefix);
                (nextKeyMarker, nextUploadIdMarker) = (commonPrefix, "");
            }
            else
            {
                uploads.Add(upload);
                (nextKeyMarker, nextUploadIdMarker) = (key, upload.UploadId);
            }
        }

        return new UploadListingPage(uploads, commonPrefixes, false, nextKeyMarker, nextUploadIdMarker);
    }

    private static int StartIndex(IReadOnlyList<MultipartUpload> ordered, string keyMarker, string uploadIdMarker)
    {
        if (keyMarker.Length == 0)
        {
            return 0;
        }

        var index = 0;
        while (index < ordered.Count && string.CompareOrdinal(MultipartUploads.KeyOf(ordered[index]), keyMarker) < 0)
        {
            index++;
        }

        var firstOfKey = index;
        while (index < ordered.Count && MultipartUploads.KeyOf(ordered[index]) == keyMarker)
        {
            if (uploadIdMarker.Length > 0 && ordered[index].UploadId == uploadIdMarker)
            {
                return index + 1;
            }

            index++;
        }

        return uploadIdMarker.Length > 0 ? firstOfKey : index;
    }

    private static string? CommonPrefix(string key, string prefix, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
