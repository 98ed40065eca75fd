using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>
/// A heading too long for one line wraps onto a second or third ("5. Financiële consequenties, gevolgen voor
/// regeldruk, concurrentiekracht en / geopolitieke aspecten"), often with a hanging indent and at the body's line
/// pitch rather than its own size: it is still one heading.
/// </summary>
internal static class HeadingWrap
{
    /// <summary>The longest numbered heading taken as a heading rather than emphasised text.</summary>
    private const int MaxNumberedLength = 250;

    /// <summary>
    /// Whether <paramref name="line"/> continues the heading whose last line is <paramref name="previous"/>, both in the
    /// same typography on one page. At the heading's own leading it does; at up to the body's paragraph spacing only when
    /// something shows the heading wrapped: the line runs on in lower case, hangs indented under the heading's text, or
    /// the line above ends in a word that cannot end a heading.
    /// </summary>
    public static bool Continues(TextLine previous, TextLine line, BodyStyle style, BlockBuilderOptions options)
    {
        var gap = previous.Baseline - line.Baseline;
        if (gap <= line.FontSize * options.HeadingLineGapSizes)
        {
            return true;
        }

        return gap <= style.LinePitch * options.LineGapPitches
            && ((line.Text.Length > 0 && char.IsLower(line.Text[0])) || line.Left > previous.Left + line.FontSize || EndsOpen(previous.Text));
    }

    private static bool EndsOpen(string text)
    {
        var lastSpace = text.LastIndexOf(' ');
        var last = lastSpace < 0 ? text : text[(lastSpace + 1)..];
        return last is "en" or "of" or "van" or "voor" or "de" or "het" or "een" or "in" or "op" or "met" or "bij" or "naar" or "over" or "aan"
            || text.EndsWith(',') || text.EndsWith('-');
    }

    /// <summary>
    /// True for a numbered heading of up to three lines that does not end like a sentence: longer than the usual two
    /// lines of a heading, but no paragraph opens with "5." or "a)" and runs on in emphasis.
    /// </summary>
    public static bool IsWrappedNumberedHeading(BodyBlock block)
    {
        if (block.Lines.Count > 3 || NumberingScheme.Read(block.First.Text) is null)
        {
            return false;
        }

        var last = block.Last.Text;
        return block.Lines.Sum(l => l.Text.Length) <= MaxNumberedLength && last.Length > 0 && last[^1] is not ('.' or ',' or ';' or ':')
            && block.Lines.All(l => l.Markers.Count == 0 || l.Text.Length <= 60);
    }
}
