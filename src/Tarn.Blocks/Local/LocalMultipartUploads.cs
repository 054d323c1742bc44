using System.Globalization;
using System.Text;

namespace Tarn.Blocks.Local;

/// <summary>
/// The folders that hold multipart uploads in progress: <c>&lt;root&gt;/.tarn-multipart/&lt;upload id&gt;/</c>
/// with a <c>target</c> file naming the object the upload belongs to and one <c>part-NNNNN</c> file per
/// part. Upload ids are checked to be well formed before they become a path.
/// </summary>
internal sealed class LocalMultipartUploads
{
    private const string TargetFileName = "target";

    private readonly string _uploadsRoot;

    public LocalMultipartUploads(string uploadsRoot) => _uploadsRoot = uploadsRoot;

    /// <summary>Creates the upload's folder and records its target; returns the new upload id.</summary>
    public async Task<string> CreateAsync(string targetPath, CancellationToken cancellationToken)
    {
        var uploadId = UploadIds.New();
        var folder = Path.Combine(_uploadsRoot, uploadId);
        Directory.CreateDirectory(folder);
        var target = Encoding.UTF8.GetBytes(targetPath);
        await AtomicFile.WriteAsync(
            Path.Combine(folder, TargetFileName),
            createDirectory: false,
            async (stream, token) =>
            {
                await stream.WriteAsync(target, token);
                return true;
            },
            cancellationToken);
        return uploadId;
    }

    /// <summary>
    /// The folder of an upload that exists and belongs to <paramref name="targetPath"/>; anything else
    /// (malformed, unknown, finished or another object's id) is <see cref="MultipartUploadNotFoundException"/>.
    /// </summary>
    public async Task<string> OpenAsync(string uploadId, string targetPath, CancellationToken cancellationToken)
    {
        if (!UploadIds.IsWellFormed(uploadId))
        {
            throw new MultipartUploadNotFoundException(uploadId);
        }

        var folder = Path.Combine(_uploadsRoot, uploadId);
        string recordedTarget;
        try
        {
            recordedTarget = await File.ReadAllTextAsync(Path.Combine(folder, TargetFileName), Encoding.UTF8, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MultipartUploadNotFoundException(uploadId);
        }

        if (!string.Equals(recordedTarget, targetPath, StringComparison.Ordinal))
        {
            throw new MultipartUploadNotFoundException(uploadId);
        }

        return folder;
    }

    public static string PartPath(string folder, int partNumber) =>
        Path.Combine(folder, "part-" + partNumber.ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>Removes an upload's folder and every part in it; a folder already gone is fine.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
