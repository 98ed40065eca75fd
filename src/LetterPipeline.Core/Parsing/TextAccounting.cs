using System.Globalization;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>Where every line that is not content was set aside, one kind per line (<see cref="FurnitureKinds"/>); the first kind given wins.</summary>
internal sealed class SetAsideLines
{
    private readonly Dictionary<TextLine, string> kinds = new(ReferenceEqualityComparer.Instance);

    public void Add(IEnumerable<TextLine> lines, string kind)
    {
        foreach (var line in lines)
        {
            kinds.TryAdd(line, kind);
        }
    }

    public void Add(IEnumerable<TextLine> lines, Func<TextLine, string> kind)
    {
        foreach (var line in lines)
        {
            kinds.TryAdd(line, kind(line));
        }
    }

    public string? KindOf(TextLine line) => kinds.GetValueOrDefault(line);
}

/// <summary>The account of a letter's text: what was set aside, the share of glyphs placed, and what went nowhere.</summary>
internal sealed record TextAccount(IReadOnlyList<FurnitureLine> Furniture, double Coverage, IReadOnlyList<QualityWarning> Warnings);

/// <summary>
/// Accounts for every glyph of every page: each line is content (body, heading, footnote), set aside as furniture,
/// or unplaced; glyphs no line holds are unplaced too. Nothing leaves the letter without a trace: what is unplaced is
/// a warning naming its page and first words.
/// </summary>
internal static class TextAccounting
{
    private const int QuotedLength = 60;

    public static TextAccount Account(IReadOnlyList<PageLines> pages, IReadOnlySet<TextLine> content, SetAsideLines setAside)
    {
        var furniture = new List<FurnitureLine>();
        var warnings = new List<QualityWarning>();
        long total = 0, placed = 0;
        foreach (var page in pages)
        {
            total += page.GlyphCount;
            long inLines = 0;
            var unplaced = new List<TextLine>();
            foreach (var line in page.Lines.Concat(page.Across))
            {
                var glyphs = GlyphCount(line);
                inLines += glyphs;
                if (content.Contains(line))
                {
                    placed += glyphs;
                }
                else if (setAside.KindOf(line) is { } kind)
                {
                    placed += glyphs;
                    furniture.Add(new FurnitureLine(line.Page, kind, line.Text));
                }
                else if (glyphs > 0)
                {
                    unplaced.Add(line);
                }
            }

            WarnAboutRunningTextSetAside(page, setAside, warnings);
            if (unplaced.Count > 0)
            {
                warnings.Add(new QualityWarning(page.Number, QualityFlags.TextUnplaced, string.Create(CultureInfo.InvariantCulture,
                    $"{unplaced.Count} line(s) on page {page.Number} were not placed: “{Quote(string.Join(' ', unplaced.Select(l => l.Text)))}”.")));
            }

            if (page.GlyphCount > inLines)
            {
                warnings.Add(new QualityWarning(page.Number, QualityFlags.TextUnplaced, string.Create(CultureInfo.InvariantCulture,
                    $"{page.GlyphCount - inLines} glyph(s) on page {page.Number} were not read into any line.")));
            }
        }

        var coverage = total == 0 ? 1 : Math.Round((double)Math.Min(placed, total) / total, 4);
        return new TextAccount(furniture, coverage, warnings);
    }

    /// <summary>
    /// A side column holds a few short lines (Datum, Kenmerk, "Vraag 1"); many long lines beside the text column are
    /// running text the reading set aside (a second text column), which is placed but worth a warning.
    /// </summary>
    private static void WarnAboutRunningTextSetAside(PageLines page, SetAsideLines setAside, List<QualityWarning> warnings)
    {
        foreach (var kind in new[] { FurnitureKinds.SideColumn, FurnitureKinds.MarginLabel })
        {
            var lines = page.Lines.Where(l => setAside.KindOf(l) == kind).ToList();
            var longLines = lines.Count(l => l.Text.Length >= RunningTextLineLength);
            if (longLines >= RunningTextMinLines)
            {
                warnings.Add(new QualityWarning(page.Number, QualityFlags.TextSetAside, string.Create(CultureInfo.InvariantCulture,
                    $"{lines.Count} line(s) beside the text column on page {page.Number} read like running text but were set aside as {kind}: “{Quote(string.Join(' ', lines.Select(l => l.Text)))}”.")));
            }
        }
    }

    /// <summary>A line of running text is at least this long; a side column's lines are shorter.</summary>
    private const int RunningTextLineLength = 35;

    /// <summary>This many such lines make a column of running text.</summary>
    private const int RunningTextMinLines = 6;

    /// <summary>The non-space characters of a line, its markers' digits included: what its glyphs drew.</summary>
    public static int GlyphCount(TextLine line)
    {
        var count = 0;
        foreach (var c in line.Text)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        foreach (var marker in line.Markers)
        {
            count += marker.Number.Length;
        }

        return count;
    }

    /// <summary>The first words of a text, cut at a word boundary.</summary>
    public static string Quote(string text)
    {
        if (text.Length <= QuotedLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', QuotedLength);
        return text[..(cut > QuotedLength / 2 ? cut : QuotedLength)] + "…";
    }
}
