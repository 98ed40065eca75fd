namespace LetterPipeline.Core.Writing;

/// <summary>When a written file must be on disk: before <see cref="AtomicFile.Write"/> returns, or when the caller syncs a whole batch.</summary>
public enum FileDurability
{
    /// <summary>Flushed to disk before the rename: what a worker needs before it moves the input out of its inbox.</summary>
    Immediate,

    /// <summary>
    /// Renamed into place without a flush; the caller makes the batch durable at once (the <c>convert</c> command: one
    /// <c>syncfs</c> per file system).
    /// One sync per batch instead of one journal commit per file, where nothing else depends on each file's durability.
    /// </summary>
    CallerSyncs,
}

/// <summary>Writes a file so that readers see either nothing or the whole file: temp name, flush to disk, rename.</summary>
/// <remarks>
/// The temporary name is ".&lt;the name's first 64 bytes&gt;.&lt;process id&gt;.&lt;32 hex digits&gt;.tmp" beside the file: bounded
/// whatever the final name's length (a file system allows 255 bytes a name), hidden, and recognised by
/// <see cref="IsTemporary"/> so that what a killed writer left behind can be found and removed.
/// </remarks>
public static class AtomicFile
{
    private const int HintBytes = 64;
    private const string Suffix = ".tmp";

    /// <summary>Writes the file at <paramref name="path"/> (creating its folder) with <paramref name="write"/>, replacing any file there.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="durability">Whether the file is flushed to disk before it is renamed into place.</param>
    public static void Write(string path, Action<Stream> write, FileDurability durability = FileDurability.Immediate)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Hint(Path.GetFileName(path))}.{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
                stream.Flush(flushToDisk: durability == FileDurability.Immediate);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Whether <paramref name="fileName"/> is one of this class's temporary names, and which process wrote it.</summary>
    /// <param name="fileName">A file name, without folder.</param>
    /// <param name="processId">The writing process's id, when it is.</param>
    /// <returns>True for a temporary name.</returns>
    public static bool IsTemporary(string fileName, out int processId)
    {
        processId = 0;
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.StartsWith('.') || !fileName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = fileName[..^Suffix.Length].Split('.');
        return parts.Length >= 4
            && parts[^1].Length == 32 && parts[^1].All(Uri.IsHexDigit)
            && int.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out processId);
    }

    /// <summary>The start of <paramref name="fileName"/>, at most <see cref="HintBytes"/> bytes of UTF-8, cut between characters.</summary>
    private static string Hint(string fileName)
    {
        var bytes = 0;
        var end = 0;
        foreach (var rune in fileName.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > HintBytes)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        return fileName[..end];
    }
}
