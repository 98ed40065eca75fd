using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Decides what text set across a page's direction is: a block of running text turned on its side (read as content,
/// after the page's own text) or a stamp or turned margin note (set aside).
/// </summary>
internal static class AcrossText
{
    /// <summary>Running text has at least this many lines…</summary>
    private const int MinLines = 3;

    /// <summary>…and this many characters: "Ingekomen 12 maart 2024" stamped sideways is no paragraph.</summary>
    private const int MinGlyphs = 120;

    public static (ILookup<int, TextLine> Content, IReadOnlyList<TextLine> SetAside) Split(IReadOnlyList<PageLines> pages)
    {
        var content = new List<TextLine>();
        var setAside = new List<TextLine>();
        foreach (var region in pages.SelectMany(p => p.Across).GroupBy(l => (l.Page, l.Region)))
        {
            var lines = region.ToList();
            var isText = lines.Count >= MinLines && lines.Sum(TextAccounting.GlyphCount) >= MinGlyphs;
            (isText ? content : setAside).AddRange(lines);
        }

        return (content.ToLookup(l => l.Page), setAside);
    }
}
