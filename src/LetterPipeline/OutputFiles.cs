namespace LetterPipeline;

/// <summary>A letter's output files: <c>&lt;stem&gt;.&lt;format&gt;</c>, one per format.</summary>
internal static class OutputFiles
{
    public static IEnumerable<string> Paths(string stemPath, IEnumerable<string> formats) => formats.Select(f => $"{stemPath}.{f}");

    /// <summary>True when every output the formats call for is there: only then is a letter done.</summary>
    public static bool AllExist(string stemPath, IEnumerable<string> formats) => Paths(stemPath, formats).All(File.Exists);

    /// <summary>
    /// Removes what a conversion that failed may have left under <paramref name="stemPath"/> (a .json finished
    /// before the .docx ran out of disk space, or before its time limit), in every format, so no output stands for
    /// a letter that was not converted. Best effort: a folder that cannot be written to holds nothing new anyway.
    /// </summary>
    public static void RemoveAll(string stemPath)
    {
        foreach (var path in Paths(stemPath, OutputFormats.All))
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left as it is; the letter is not recorded as converted, so the next attempt writes it again.
            }
        }
    }
}
