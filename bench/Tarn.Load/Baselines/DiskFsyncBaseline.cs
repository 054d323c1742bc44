using Tarn.Load.Api;
using Tarn.Load.Running;

namespace Tarn.Load.Baselines;

/// <summary>
/// Raw durable write: a new file of the object size, written and fsynced (<see cref="FileStream.Flush(bool)"/>),
/// in a temporary folder on the same file system as the server's data. This is the floor under a durable PUT.
/// Big files are deleted right after their fsync so a 1 GiB run does not fill the disk.
/// </summary>
internal sealed class DiskFsyncBaseline(long objectSize) : IWorkload
{
    private const long KeepFilesBelow = 1024 * 1024;
    private string _directory = "";

    public string Name => "disk-fsync";

    public long BytesPerOperation => objectSize;

    public long Capacity => long.MaxValue;

    public Task SetupAsync(CancellationToken cancellationToken)
    {
        _directory = Directory.CreateTempSubdirectory("tarn-load-fsync-").FullName;
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(long operation, int worker, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, operation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false))
        {
            if (objectSize <= KeepFilesBelow)
            {
                await file.WriteAsync(Payloads.Bytes(objectSize), cancellationToken);
            }
            else
            {
                await new GeneratedStream(objectSize).CopyToAsync(file, 1024 * 1024, cancellationToken);
            }

            file.Flush(flushToDisk: true);
        }

        if (objectSize > KeepFilesBelow)
        {
            File.Delete(path);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_directory.Length > 0)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
