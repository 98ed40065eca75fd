using System.Collections.Concurrent;
using LetterPipeline.Core.Model;
using UglyToad.PdfPig;

namespace LetterPipeline.Core.Tests.Support;

/// <summary>
/// The published documents in tests/corpus/real and tests/corpus/real-2 that have a text layer, each parsed once
/// per test run (several tests read the same 65-page document).
/// </summary>
internal static class RealDocuments
{
    private static readonly ConcurrentDictionary<string, Letter> Parsed = new(StringComparer.Ordinal);

    /// <summary>"real/advies-ap.pdf", "real-2/kst-36450-6.pdf", …</summary>
    public static TheoryData<string> All() => Names(_ => true);

    public static TheoryData<string> Names(Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "real", "real-2" })
        {
            foreach (var file in Directory.GetFiles(Corpus.Folder(folder), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                var name = $"{folder}/{file}";
                if (!file!.EndsWith("-scanned.pdf", StringComparison.Ordinal) && include(name))
                {
                    data.Add(name);
                }
            }
        }

        return data;
    }

    public static string PathOf(string name) => Path.Combine(Corpus.Root, name);

    public static Letter Parse(string name) => Parsed.GetOrAdd(name, n =>
    {
        var bytes = File.ReadAllBytes(PathOf(n));
        return new LetterParser().Parse(bytes, Path.GetFileName(n), LetterPdf.Sha256Hex(bytes)).Letter;
    });

    /// <summary>The text of the first <paramref name="pages"/> pages as PdfPig's own word extraction gives it, words joined by one space.</summary>
    public static string PlainText(string name, int pages = 1)
    {
        using var document = PdfDocument.Open(PathOf(name));
        return string.Join(' ', document.GetPages().Take(pages).SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
