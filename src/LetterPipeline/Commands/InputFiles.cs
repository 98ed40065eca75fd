namespace LetterPipeline.Commands;

/// <summary>One PDF to convert and where its outputs go (without extension); <see cref="NameProblem"/> when its outputs cannot be named.</summary>
internal sealed record ConversionJob(string Input, string OutputStem, string? NameProblem = null);

/// <summary>Expands the command line's files and folders into conversion jobs.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Folders are searched recursively, without following symbolic links into folders (nor to files, unless
    /// <paramref name="followFileLinks"/> and the file lies inside that folder); each link left out is told to
    /// <paramref name="skipped"/>. Their sub-folders are mirrored under <paramref name="outDir"/>.
    /// </summary>
    public static IReadOnlyList<ConversionJob> Expand(IEnumerable<string> inputs, string outDir, out IReadOnlyList<string> missing,
        bool followFileLinks = false, Action<SkippedLink>? skipped = null)
    {
        var jobs = new List<ConversionJob>();
        var notFound = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var pdfs = FileTree.Files(input, followFileLinks, skipped ?? (_ => { }))
                    .Select(f => Path.Combine(input, Path.GetRelativePath(Path.GetFullPath(input), f.FullName)))
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var pdf in pdfs)
                {
                    jobs.Add(Job(pdf, Path.GetRelativePath(input, pdf), outDir));
                }
            }
            else if (File.Exists(input))
            {
                jobs.Add(Job(input, Path.GetFileName(input), outDir));
            }
            else
            {
                notFound.Add(input);
            }
        }

        missing = notFound;
        return jobs;
    }

    /// <summary>
    /// The job for <paramref name="input"/>, its outputs named after <paramref name="relative"/> (safe and bounded,
    /// <see cref="OutputNames"/>); one whose name would still lie outside <paramref name="outDir"/> fails on its own,
    /// its error file under a flat safe name.
    /// </summary>
    private static ConversionJob Job(string input, string relative, string outDir)
    {
        try
        {
            return new ConversionJob(input, OutputNames.Inside(outDir, OutputNames.Stem(relative)));
        }
        catch (OutputNameException ex)
        {
            return new ConversionJob(input, OutputNames.Inside(outDir, OutputNames.Segment(Path.GetFileNameWithoutExtension(input))), ex.Message);
        }
    }
}
