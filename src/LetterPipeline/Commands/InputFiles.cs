namespace LetterPipeline.Commands;

/// <summary>One PDF to convert and where its outputs go (without extension).</summary>
internal sealed record ConversionJob(string Input, string OutputStem);

/// <summary>Expands the command line's files and folders into conversion jobs.</summary>
internal static class InputFiles
{
    /// <summary>Folders are searched recursively; their sub-folders are mirrored under <paramref name="outDir"/>.</summary>
    public static IReadOnlyList<ConversionJob> Expand(IEnumerable<string> inputs, string outDir, out IReadOnlyList<string> missing)
    {
        var jobs = new List<ConversionJob>();
        var notFound = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var pdfs = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var pdf in pdfs)
                {
                    var relative = Path.GetRelativePath(input, pdf);
                    jobs.Add(new ConversionJob(pdf, Path.Combine(outDir, Path.ChangeExtension(relative, null))));
                }
            }
            else if (File.Exists(input))
            {
                jobs.Add(new ConversionJob(input, Path.Combine(outDir, Path.GetFileNameWithoutExtension(input))));
            }
            else
            {
                notFound.Add(input);
            }
        }

        missing = notFound;
        return jobs;
    }
}
