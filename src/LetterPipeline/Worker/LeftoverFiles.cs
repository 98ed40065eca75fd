using LetterPipeline.Core.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>
/// The worker's own temporary files, and what a killed worker leaves of them: ".&lt;name&gt;.&lt;guid&gt;.moving" beside an
/// input being moved to archive or failed, and <see cref="AtomicFile"/>'s ".&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp" beside an
/// output or error file. Neither is ever the only copy of anything: an input is deleted from the inbox only after
/// its copy was renamed into place, and an output is written again when its document is converted again. So what is
/// left behind is removed by a later pass, once nobody can be writing it any more.
/// </summary>
internal sealed class LeftoverFiles(IOptions<PipelineOptions> options, TimeProvider clock, ILogger<InboxProcessor> logger)
{
    private const string MovingSuffix = ".moving";
    private const int HintBytes = 64;

    private readonly Lock gate = new();
    private DateTimeOffset? lastCleaned;

    /// <summary>The temporary name for a copy on its way to <paramref name="destinationName"/>: hidden, bounded, recognisable.</summary>
    public static string MovingName(string destinationName) =>
        $".{OutputNames.Truncate(destinationName, HintBytes)}.{Guid.NewGuid():N}{MovingSuffix}";

    public static bool IsLeftover(string fileName) => IsMoving(fileName) || AtomicFile.IsTemporary(fileName, out _);

    /// <summary>
    /// A file untouched this long is nobody's work in progress: a move copies one PDF, an output is written within
    /// a document's time limit (the converter is killed after it).
    /// </summary>
    private TimeSpan StaleAfter => options.Value.DocumentTimeout + TimeSpan.FromMinutes(1);

    /// <summary>
    /// Removes the leftovers under output, archive and failed that are older than <see cref="StaleAfter"/>; at most
    /// once per that period (the folders are walked, and the archive grows). Returns how many were removed.
    /// </summary>
    public int Clean()
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (lastCleaned is { } last && now - last < StaleAfter)
            {
                return 0;
            }

            lastCleaned = now;
        }

        var o = options.Value;
        var removed = 0;
        foreach (var root in new[] { o.Output, o.Archive, o.Failed }.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            try
            {
                foreach (var file in FileTree.Files(root, followFileLinks: false, _ => { }))
                {
                    if (IsLeftover(file.Name) && now - file.LastWriteTimeUtc >= StaleAfter && TryDelete(file))
                    {
                        logger.LogLeftoverRemoved(Path.GetRelativePath(root, file.FullName), root);
                        removed++;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be walked now is walked on a later pass; the pass itself goes on.
                lock (gate)
                {
                    lastCleaned = null;
                }
            }
        }

        return removed;
    }

    private static bool IsMoving(string fileName)
    {
        if (!fileName.StartsWith('.') || !fileName.EndsWith(MovingSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var guid = fileName[..^MovingSuffix.Length];
        var dot = guid.LastIndexOf('.');
        return dot > 0 && guid.Length - dot - 1 == 32 && guid[(dot + 1)..].All(Uri.IsHexDigit);
    }

    private static bool TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another pass or node removed it first, or it is not ours to remove: left alone.
            return false;
        }
    }
}
