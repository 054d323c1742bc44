using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Tarn.Blocks.Local;

/// <summary>
/// fsync on a directory, which makes a rename inside it durable. .NET has no API for it (opening a
/// directory as a file is refused), so this calls libc on Linux and macOS; on Windows NTFS journals
/// renames itself and there is nothing to do.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgumentErrno = 22;

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw Failure("open", directory);
        }

        try
        {
            // EINVAL means this filesystem cannot sync directories at all; there is nothing better to do.
            if (Fsync(descriptor) != 0 && Marshal.GetLastPInvokeError() != InvalidArgumentErrno)
            {
                throw Failure("fsync", directory);
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static IOException Failure(string call, string directory) =>
        new($"{call} of directory '{directory}' failed", new Win32Exception(Marshal.GetLastPInvokeError()));

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
