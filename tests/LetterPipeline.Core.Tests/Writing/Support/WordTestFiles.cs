using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>Finds the corpus from the test's output folder, so the tests run from any working directory.</summary>
internal static class WordTestFiles
{
    /// <summary>The file names in tests/corpus/letters.</summary>
    public static TheoryData<string> CorpusLetters() => Pdfs("letters", _ => true);

    /// <summary>
    /// The published documents in tests/corpus/real, except the scanned one: it has no text layer, so
    /// conversion stops before any writer runs.
    /// </summary>
    public static TheoryData<string> RealDocuments() => Pdfs("real", name => !name.EndsWith("-scanned.pdf", StringComparison.Ordinal));

    /// <summary>
    /// Every converting document of the corpus as (folder, file name): the letters, the published documents in real
    /// and real-2, except the scanned one (no text layer) and the nota whose cross-reference stream PdfPig refuses
    /// (both stop before any writer runs).
    /// </summary>
    public static TheoryData<string, string> AllDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "letters", "real", "real-2" })
        {
            foreach (var pdf in Directory.GetFiles(Corpus.Folder(folder), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (!pdf!.EndsWith("-scanned.pdf", StringComparison.Ordinal) && !pdf.StartsWith("bijlage-aenm-2025", StringComparison.Ordinal))
                {
                    data.Add(folder, pdf);
                }
            }
        }

        return data;
    }

    public static Model.Letter ParseCorpusLetter(string name) => Parse("letters", name);

    public static Model.Letter ParseRealDocument(string name) => Parse("real", name);

    private static TheoryData<string> Pdfs(string folder, Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(Corpus.Folder(folder), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (include(pdf!))
            {
                data.Add(pdf!);
            }
        }

        return data;
    }

    public static Model.Letter Parse(string folder, string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Folder(folder), name));
        return new LetterParser().Parse(bytes, name, LetterPdf.Sha256Hex(bytes)).Letter;
    }

}
