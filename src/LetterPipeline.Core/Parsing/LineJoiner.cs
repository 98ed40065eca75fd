using System.Text;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing;

/// <summary>Joins the lines of a paragraph or footnote into one text, undoing line-break hyphens and keeping marker positions.</summary>
internal static class LineJoiner
{
    /// <param name="lines">The lines, in reading order.</param>
    /// <param name="words">The words the letter and the word list know, to decide line-break hyphens.</param>
    /// <param name="skipFirstChars">Characters of the first line to leave out (a footnote's label).</param>
    /// <param name="lineStarts">When given, gets per line the index in the text where the line's own text begins (-1 for a line left out).</param>
    public static (string Text, IReadOnlyList<FootnoteMarker> Markers) Join(IEnumerable<TextLine> lines, Vocabulary words, int skipFirstChars = 0, List<int>? lineStarts = null)
    {
        var text = new StringBuilder();
        var markers = new List<FootnoteMarker>();
        var first = true;
        foreach (var line in lines)
        {
            var lineText = line.Text;
            var shift = 0;
            if (first && skipFirstChars > 0)
            {
                var skipped = Math.Min(skipFirstChars, lineText.Length);
                var rest = lineText[skipped..].TrimStart();
                shift = -(lineText.Length - rest.Length);
                lineText = rest;
            }

            first = false;
            if (lineText.Length == 0 && line.Markers.Count == 0)
            {
                lineStarts?.Add(-1);
                continue;
            }

            var start = Append(text, lineText, words);
            lineStarts?.Add(start + shift);
            foreach (var marker in line.Markers)
            {
                if (shift < 0 && marker.Offset + shift < 0)
                {
                    continue; // the footnote's own raised number, already taken as its label
                }

                markers.Add(new FootnoteMarker(marker.Number, Math.Clamp(start + marker.Offset + shift, 0, text.Length)));
            }
        }

        return (text.ToString(), markers);
    }

    /// <summary>Appends a line and returns the index in <paramref name="text"/> where the line's own text begins.</summary>
    private static int Append(StringBuilder text, string line, Vocabulary words)
    {
        if (text.Length == 0)
        {
            text.Append(line);
            return 0;
        }

        if (line.Length == 0)
        {
            return text.Length;
        }

        if (text[^1] == '\u00AD')
        {
            text.Length--;
            text.Append(line);
            return text.Length - line.Length;
        }

        // A URL broken over lines continues without a space: "https://" + "www.…", "…/provincies" + "%202022.pdf".
        if (IsUrl(LastToken(text, includeLast: true)) && (UrlBreakAfter.Contains(text[^1]) || UrlBreakBefore.Contains(line[0])))
        {
            text.Append(line);
            return text.Length - line.Length;
        }

        if (text[^1] is '-' or '‐' && text.Length > 1 && char.IsLetterOrDigit(text[^2]))
        {
            var left = LastToken(text);
            var right = FirstToken(line);
            switch (LineBreakHyphen.Decide(left, right, words))
            {
                case HyphenDecision.Join:
                    text.Length--;
                    text.Append(line);
                    return text.Length - line.Length;
                case HyphenDecision.KeepHyphen:
                    text.Append(line);
                    return text.Length - line.Length;
            }
        }

        text.Append(' ').Append(line);
        return text.Length - line.Length;
    }

    private const string UrlBreakAfter = "/-_.=&?#%~";
    private const string UrlBreakBefore = "%/?&#=_.~";

    private static bool IsUrl(string token)
    {
        var t = token.TrimStart('(', '[', '<', '«');
        return t.Contains("://", StringComparison.Ordinal) || t.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text's last token; without its final character (the hyphen) unless <paramref name="includeLast"/>.</summary>
    private static string LastToken(StringBuilder text, bool includeLast = false)
    {
        var i = text.Length - 1;
        while (i > 0 && text[i - 1] != ' ')
        {
            i--;
        }

        return text.ToString(i, text.Length - i - (includeLast ? 0 : 1));
    }

    private static string FirstToken(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? line : line[..space];
    }
}
