using System.Text;

namespace LetterPipeline.Evaluation;

/// <summary>How the metrics compare texts: score.py's <c>norm</c> and <c>words</c>, score_real.py's <c>loose</c>.</summary>
internal static class TextNormaliser
{
    /// <summary>NFC, no-break space → space, curly single quotes → "'", runs of white space → one space, trimmed; null is "".</summary>
    public static string Norm(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var composed = text.Normalize(NormalizationForm.FormC).Replace('\u00a0', ' ').Replace('\u2019', '\'').Replace('\u2018', '\'');
        return Collapse(composed, IsSpace).Trim(' ');
    }

    /// <summary>The words of the normalised text, split on single spaces.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var normalised = Norm(text);
        return normalised.Length == 0 ? [] : normalised.Split(' ');
    }

    /// <summary>
    /// Titles, subjects and headings of real documents: also case, quotes and leading or trailing " .:" do not matter.
    /// </summary>
    public static string Loose(string? text) =>
        Collapse(Norm(text).ToLowerInvariant(), c => IsSpace(c) || c is '\'' or '"' or '“' or '”' or '‘' or '’' or '«' or '»').Trim(' ', '.', ':');

    /// <summary>The text without any white space.</summary>
    public static string RemoveSpace(string text) => string.Concat(text.Where(c => !IsSpace(c)));

    /// <summary>The text without leading and trailing white space.</summary>
    public static string Strip(string text)
    {
        var (start, end) = (0, text.Length);
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>The length in characters (Unicode code points, not UTF-16 units), as the length thresholds count.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// White space as the reference's regular expressions read <c>\s</c>: .NET's white space plus the information
    /// separators U+001C–U+001F, which Python counts and <see cref="char.IsWhiteSpace(char)"/> does not.
    /// </summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    private static string Collapse(string text, Func<char, bool> isSeparator)
    {
        var sb = new StringBuilder(text.Length);
        var inRun = false;
        foreach (var c in text)
        {
            if (isSeparator(c))
            {
                if (!inRun)
                {
                    sb.Append(' ');
                }

                inRun = true;
            }
            else
            {
                sb.Append(c);
                inRun = false;
            }
        }

        return sb.ToString();
    }
}
