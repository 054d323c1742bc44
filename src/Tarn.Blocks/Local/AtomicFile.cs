using System.Security.Cryptography;
using Tarn.Core;

namespace Tarn.Blocks.Local;

/// <summary>
/// Writes a file so that readers see the old content or the complete new content, never a mix, and
/// the new content survives a crash once the call returns: write a temporary file in the same
/// directory, fsync it, rename it over the target, fsync the directory. A failure or cancellation
/// deletes the temporary file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temporary files start with this; listings skip them and keys may not use it.</summary>
    public const string TempPrefix = BlockKeys.ReservedPrefix + "tmp-";

    /// <summary>
    /// Fills a new temporary file with <paramref name="fill"/> and moves it to <paramref name="target"/>.
    /// With <paramref name="createDirectory"/> false a missing directory throws <see cref="DirectoryNotFoundException"/>
    /// (multipart parts must not resurrect an aborted upload's folder).
    /// </summary>
    public static async Task<(T Result, DateTimeOffset LastModified)> WriteAsync<T>(
        string target, bool createDirectory, Func<Stream, CancellationToken, Task<T>> fill, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.GetDirectoryName(target)!;
        if (createDirectory)
        {
            EnsureDirectory(directory);
        }

        if (Directory.Exists(target))
        {
            throw PathConflict();
        }

        var temp = Path.Combine(directory, TempPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        try
        {
            T result;
            DateTimeOffset lastModified;
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                BufferSize = 0, // callers write large pooled chunks; a second buffer would only copy them
            };
            await using (var file = new FileStream(temp, options))
            {
                result = await fill(file, cancellationToken);
                file.Flush(flushToDisk: true);
                lastModified = File.GetLastWriteTimeUtc(file.SafeFileHandle);
            }

            // The last moment a cancellation can still leave the previous object untouched.
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, target, overwrite: true);
            await DirectorySyncGroup.FlushAsync(directory);
            return (result, lastModified);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void EnsureDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (IOException) when (!Directory.Exists(directory))
        {
            // A component of the path is a file: key "a" exists and "a/b" was asked for.
            throw PathConflict();
        }
    }

    private static TarnException PathConflict() =>
        TarnException.Conflict("object key conflicts with an existing object: a file cannot also be a folder in the local blockstore");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
