using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// The fixed banner of an Aanhangsel van de Handelingen on page 1, "Vragen gesteld door de leden der Kamer, met de
/// daarop door de regering gegeven antwoorden", and the Aanhangsel's number printed large below it ("1786"): the same
/// on every Aanhangsel, so page furniture rather than a heading or the first paragraph.
/// </summary>
internal static class AanhangselMasthead
{
    private const string BannerStart = "Vragen gesteld door de leden der Kamer";

    /// <summary>The banner's lines and the number below it, or nothing when page 1 has no banner.</summary>
    public static IReadOnlyList<TextLine> Find(IReadOnlyList<PageLines> pages)
    {
        if (pages.Count == 0)
        {
            return [];
        }

        var lines = pages[0].Lines;
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Text.StartsWith(BannerStart, StringComparison.Ordinal))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return [];
        }

        // The banner runs on over lines in its own typeface; the number follows it, digits only.
        var masthead = new List<TextLine> { lines[start] };
        var i2 = start + 1;
        while (i2 < lines.Count && masthead.Count < 4 && !masthead[^1].Text.EndsWith("antwoorden", StringComparison.Ordinal)
            && lines[i2].Bold == lines[start].Bold && Math.Abs(lines[i2].FontSize - lines[start].FontSize) < 0.3)
        {
            masthead.Add(lines[i2++]);
        }

        if (i2 < lines.Count && lines[i2].Text.Length > 0 && lines[i2].Text.All(char.IsAsciiDigit))
        {
            masthead.Add(lines[i2]);
        }

        return masthead;
    }
}
