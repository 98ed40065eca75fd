using System.Globalization;
using System.Text.RegularExpressions;

namespace LetterPipeline.Core.Parsing.Questions;

/// <summary>A "Vraag 2 en 3" or "Antwoord 2 en 3" label: which it is, the numbers it names and its length in the text.</summary>
internal sealed record QuestionLabelMatch(bool IsQuestion, IReadOnlyList<string> Numbers, int Length);

/// <summary>
/// The labels that open a written question and its answer: "Vraag 1", "Vraag 2 en 3", "Vragen 4 t/m 6", "Antwoord 1",
/// "Antwoord op vraag 2:", a bare "Antwoord", and "Mededeling" where the answer came in another form. A label stands on a line of its own, or opens the line followed by a colon
/// ("Vraag 1: Kent u …"); "Antwoord van Minister …" is the Aanhangsel's header, not a label.
/// </summary>
internal static partial class QuestionLabel
{
    /// <summary>The label that opens <paramref name="line"/>, or null.</summary>
    public static QuestionLabelMatch? Match(string line)
    {
        var m = Label().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var rest = line.AsSpan(m.Length).Trim();
        var colon = m.Groups["colon"].Success;
        if (rest.Length > 0 && !colon)
        {
            return null;
        }

        var isQuestion = m.Groups["kind"].Value.StartsWith("Vra", StringComparison.Ordinal);
        var numbers = m.Groups["nums"].Success ? Numbers(m.Groups["nums"].Value) : [];
        return new QuestionLabelMatch(isQuestion, numbers, m.Length);
    }

    /// <summary>
    /// The length of the label that opens a paragraph's text ("Vraag 2 en 3 Herinnert u …" → 12), the label joined to
    /// its text as the parser joins them; 0 when the paragraph does not open with one.
    /// </summary>
    public static int OpeningLength(string paragraph)
    {
        var m = Label().Match(paragraph);
        if (!m.Success)
        {
            return 0;
        }

        var end = m.Length;
        while (end > 0 && paragraph[end - 1] == ' ')
        {
            end--;
        }

        var next = end < paragraph.Length ? paragraph.AsSpan(end).TrimStart() : [];
        var numbered = m.Groups["nums"].Success || m.Groups["colon"].Success;
        return next.Length == 0 || (numbered && (char.IsUpper(next[0]) || char.IsDigit(next[0]) || next[0] is '«' or '(' or '‘' or '"'))
            || (!numbered && char.IsUpper(next[0]) && m.Groups["kind"].Value is "Antwoord" or "Mededeling")
            ? end
            : 0;
    }

    /// <summary>True when the whole of <paramref name="line"/> is a label ("Vraag 1", "Antwoord 2 en 3").</summary>
    public static bool IsWholeLine(string line) => Match(line) is { } label && label.Length >= line.TrimEnd().Length;

    /// <summary>"2 en 3" → 2, 3; "3, 4 en 5" → 3, 4, 5; "4 t/m 6" → 4, 5, 6.</summary>
    private static List<string> Numbers(string printed)
    {
        var numbers = new List<string>();
        foreach (Match part in NumberPart().Matches(printed))
        {
            var number = part.Groups["n"].Value;
            if (part.Groups["range"].Success && numbers.Count > 0
                && int.TryParse(numbers[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var to) && to > from && to - from < 50)
            {
                numbers.AddRange(Enumerable.Range(from + 1, to - from - 1).Select(n => n.ToString(CultureInfo.InvariantCulture)));
            }

            numbers.Add(number);
        }

        return numbers;
    }

    [GeneratedRegex(@"^(?<kind>Vragen|Vraag|Antwoorden|Antwoord|Mededeling)(?:\s+(?:op\s+(?:de\s+)?(?:vragen|vraag)\s+)?(?<nums>\d{1,3}[a-z]?(?:\s*(?:,|en|t/m|tot en met|[-–])\s*\d{1,3}[a-z]?)*))?\s*(?<colon>[:.])?")]
    private static partial Regex Label();

    [GeneratedRegex(@"(?<range>(?:t/m|tot en met|[-–])\s*)?(?<n>\d{1,3}[a-z]?)")]
    private static partial Regex NumberPart();
}
