using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>A PDF in the inbox; <see cref="Relative"/> is its path below the inbox, with '/' separators.</summary>
internal sealed record InboxFile(string FullPath, string Relative);

/// <summary>
/// Lists the inbox's PDFs that have stopped changing. Symbolic links are not followed (<see cref="FileTree"/>), so
/// nothing outside the inbox is ever read, moved or deleted; each link left out is logged once. A file that does not
/// end like a complete PDF is left for a later pass until it has not changed for <see cref="PipelineOptions.IncompleteGrace"/>:
/// a copy that stalls longer than <see cref="PipelineOptions.SettleTime"/> is not taken half-written.
/// </summary>
internal sealed class InboxScanner(IOptions<PipelineOptions> options, TimeProvider clock, ILogger<InboxProcessor>? logger = null)
{
    // The spec puts %%EOF in the last 1024 bytes; some mail gateways append a little more.
    private const int EndSearchBytes = 4096;

    private readonly ILogger log = logger ?? NullLogger<InboxProcessor>.Instance;
    private readonly ConcurrentDictionary<string, bool> reportedLinks = new(StringComparer.Ordinal);

    /// <summary>What a scan found: files to process, files still changing, files unchanged but not yet complete PDFs.</summary>
    public sealed record ScanResult(IReadOnlyList<InboxFile> Ready, IReadOnlyList<InboxFile> StillWriting, IReadOnlyList<InboxFile> Incomplete)
    {
        public static ScanResult Empty { get; } = new([], [], []);
    }

    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var inbox = Path.GetFullPath(o.Inbox);
        if (!Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException($"Pipeline:Inbox '{o.Inbox}' does not exist ({inbox}).");
        }

        var before = Snapshot(inbox, Excluded(o), o.FollowFileLinks);
        if (before.Count == 0)
        {
            return ScanResult.Empty;
        }

        // A file being copied in grows or gets a new time stamp; look twice and take only what held still.
        await Task.Delay(o.SettleTime, clock, cancellationToken);
        var ready = new List<InboxFile>();
        var writing = new List<InboxFile>();
        var incomplete = new List<InboxFile>();
        foreach (var (file, stamp) in before)
        {
            var now = new FileInfo(file.FullPath);
            if (!now.Exists)
            {
                continue;
            }

            if (now.Length != stamp.Length || now.LastWriteTimeUtc != stamp.LastWriteTimeUtc)
            {
                writing.Add(file);
            }
            else if (!EndsLikeAPdf(file.FullPath) && clock.GetUtcNow() - now.LastWriteTimeUtc < o.IncompleteGrace)
            {
                incomplete.Add(file);
            }
            else
            {
                ready.Add(file);
            }
        }

        return new ScanResult(ready, writing, incomplete);
    }

    /// <summary>Whether "%%EOF" stands near the end, as it does in every complete PDF (also after an incremental update).</summary>
    private static bool EndsLikeAPdf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var tail = new byte[(int)Math.Min(EndSearchBytes, stream.Length)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            stream.ReadExactly(tail);
            return tail.AsSpan().IndexOf("%%EOF"u8) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // Not readable now: the conversion reports that as the file's error once the grace period is over.
            return false;
        }
    }

    private Dictionary<InboxFile, (long Length, DateTime LastWriteTimeUtc)> Snapshot(string inbox, IReadOnlyList<string> excluded, bool followFileLinks)
    {
        var files = new Dictionary<InboxFile, (long, DateTime)>();
        // Dot-files are partial uploads (rsync, our own temp files) or hidden on purpose, as are dot-folders.
        foreach (var info in FileTree.Files(inbox, followFileLinks, ReportLink, skipHidden: true))
        {
            if (!info.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase)
                || excluded.Any(dir => info.FullName.StartsWith(dir, StringComparison.Ordinal)))
            {
                continue;
            }

            var relative = Path.GetRelativePath(inbox, info.FullName).Replace(Path.DirectorySeparatorChar, '/');
            files[new InboxFile(info.FullName, relative)] = (info.Length, info.LastWriteTimeUtc);
        }

        return files;
    }

    private void ReportLink(SkippedLink link)
    {
        if (reportedLinks.TryAdd(link.Path, true))
        {
            log.LogLinkSkipped(link.Path, link.Reason);
        }
    }

    // The output, archive and failed folders may sit inside the inbox; never take their files as new input.
    private static List<string> Excluded(PipelineOptions o) =>
        [.. new[] { o.Output, o.Archive, o.Failed }.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)) + Path.DirectorySeparatorChar)];
}
