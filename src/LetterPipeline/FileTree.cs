using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace LetterPipeline;

/// <summary>A symbolic link a walk left out, and why.</summary>
internal sealed record SkippedLink(string Path, string Reason);

/// <summary>
/// The files below a folder, for the inbox scan, <c>convert</c>'s folders and the cleanup of leftovers: symbolic
/// links are never followed into folders (a link to a folder outside would have its files read, moved and deleted;
/// "self → ." would recurse until the path is too long), and a link to a file is taken only when asked for and its
/// final target is a file inside the same tree. Every link left out is reported.
/// </summary>
internal static class FileTree
{
    /// <param name="root">The folder to walk.</param>
    /// <param name="followFileLinks">Take links to files whose final target lies inside <paramref name="root"/>.</param>
    /// <param name="skipped">Told of each link left out.</param>
    /// <param name="skipHidden">Leave out files and folders whose names start with '.' (neither entered nor reported).</param>
    public static IEnumerable<FileInfo> Files(string root, bool followFileLinks, Action<SkippedLink> skipped, bool skipHidden = false)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<(string Path, bool IsLink, bool IsDirectory)>(top,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.Attributes.HasFlag(FileAttributes.ReparsePoint), e.IsDirectory), options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry e) => !e.Attributes.HasFlag(FileAttributes.ReparsePoint) && !(skipHidden && e.FileName.StartsWith('.')),
            ShouldIncludePredicate = (ref FileSystemEntry e) => (!e.IsDirectory || e.Attributes.HasFlag(FileAttributes.ReparsePoint)) && !(skipHidden && e.FileName.StartsWith('.')),
        };
        foreach (var (path, isLink, isDirectory) in entries)
        {
            if (!isLink)
            {
                yield return new FileInfo(path);
            }
            else if (isDirectory)
            {
                skipped(new SkippedLink(path, "a link to a folder is never followed"));
            }
            else if (!followFileLinks)
            {
                skipped(new SkippedLink(path, "links to files are not followed unless asked for"));
            }
            else if (TargetInside(path, top) is not null)
            {
                yield return new FileInfo(path);
            }
            else
            {
                skipped(new SkippedLink(path, "the link's target is not a file inside the folder"));
            }
        }
    }

    /// <summary>The final target of the link at <paramref name="path"/> when it is an existing file inside <paramref name="top"/>.</summary>
    private static string? TargetInside(string path, string top) =>
        RealPath(path) is { } target && File.Exists(target) && RealPath(top) is { } folder
        && target.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : null;

    /// <summary>The path with every link on it resolved (realpath(3)), so that "inside" means inside on disk; null when it cannot be resolved (a loop, a missing target).</summary>
    private static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }

        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Marshal.FreeHGlobal(resolved);
        }
    }

    // DllImport, not LibraryImport: LibraryImport needs unsafe code allowed. realpath allocates its result with malloc,
    // which FreeHGlobal releases on Unix.
    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);
}
