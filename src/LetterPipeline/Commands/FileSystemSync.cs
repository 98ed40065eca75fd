using System.Runtime.InteropServices;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Commands;

/// <summary>
/// Makes a batch of files written with <see cref="FileDurability.CallerSyncs"/> durable at once: on Linux one
/// <c>syncfs</c> per file system (one journal commit for the whole batch), elsewhere an fsync per file.
/// </summary>
internal static class FileSystemSync
{
    public static void Flush(IEnumerable<string> files)
    {
        if (OperatingSystem.IsLinux())
        {
            // One file per directory names the file system; a batch's outputs share one or a few directories.
            foreach (var directory in files.GroupBy(f => Path.GetDirectoryName(Path.GetFullPath(f)), StringComparer.Ordinal))
            {
                SyncFileSystemOf(directory.First());
            }

            return;
        }

        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }

    private static void SyncFileSystemOf(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (SyncFs((int)handle.DangerousGetHandle()) != 0)
        {
            throw new IOException($"syncfs failed for the file system of {file}: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    // DllImport, not LibraryImport: an int in and out needs no marshalling, and LibraryImport needs unsafe code allowed.
    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFs(int fd);
}
