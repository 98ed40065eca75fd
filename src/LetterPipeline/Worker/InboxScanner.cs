using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>A PDF in the inbox; <see cref="Relative"/> is its path below the inbox, with '/' separators.</summary>
internal sealed record InboxFile(string FullPath, string Relative);

/// <summary>Lists the inbox's PDFs that have stopped changing.</summary>
internal sealed class InboxScanner(IOptions<PipelineOptions> options, TimeProvider clock)
{
    public sealed record ScanResult(IReadOnlyList<InboxFile> Ready, IReadOnlyList<InboxFile> StillWriting);

    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var inbox = Path.GetFullPath(o.Inbox);
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"Pipeline:Inbox '{o.Inbox}' does not exist ({inbox}).");
        }

        var before = Snapshot(inbox, Excluded(o));
        if (before.Count == 0)
        {
            return new ScanResult([], []);
        }

        // A file being copied in grows or gets a new time stamp; look twice and take only what held still.
        await Task.Delay(o.SettleTime, clock, cancellationToken);
        var ready = new List<InboxFile>();
        var writing = new List<InboxFile>();
        foreach (var (file, stamp) in before)
        {
            var now = new FileInfo(file.FullPath);
            if (!now.Exists)
            {
                continue;
            }

            (now.Length == stamp.Length && now.LastWriteTimeUtc == stamp.LastWriteTimeUtc ? ready : writing).Add(file);
        }

        return new ScanResult(ready, writing);
    }

    private static Dictionary<InboxFile, (long Length, DateTime LastWriteTimeUtc)> Snapshot(string inbox, IReadOnlyList<string> excluded)
    {
        var files = new Dictionary<InboxFile, (long, DateTime)>();
        var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        foreach (var info in new DirectoryInfo(inbox).EnumerateFiles("*", walk))
        {
            // Dot-files are partial uploads (rsync, our own temp files) or hidden on purpose.
            if (!info.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) || info.Name.StartsWith('.')
                || excluded.Any(dir => info.FullName.StartsWith(dir, StringComparison.Ordinal)))
            {
                continue;
            }

            var relative = Path.GetRelativePath(inbox, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
            files[new InboxFile(info.FullName, relative)] = (info.Length, info.LastWriteTimeUtc);
        }

        return files;
    }

    // The output, archive and failed folders may sit inside the inbox; never take their files as new input.
    private static List<string> Excluded(PipelineOptions o) =>
        [.. new[] { o.Output, o.Archive, o.Failed }.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)) + Path.DirectorySeparatorChar)];
}
