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
public static class AtomicFile
{
    /// <summary>Writes the file at <paramref name="path"/> (creating its folder) with <paramref name="write"/>, replacing any file there.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="durability">Whether the file is flushed to disk before it is renamed into place.</param>
    public static void Write(string path, Action<Stream> write, FileDurability durability = FileDurability.Immediate)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
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
}
