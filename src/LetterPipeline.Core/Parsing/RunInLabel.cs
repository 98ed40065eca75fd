using System.Text.RegularExpressions;
using LetterPipeline.Core.Parsing.Questions;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// A label set on a line of its own above the paragraph it opens: "Reactie:", "Besluit:", "Vraag 1", "Antwoord 2 en 3".
/// It belongs to that paragraph: it is neither a heading nor running text of the page.
/// </summary>
internal static partial class RunInLabel
{
    /// <summary>True when the whole of <paramref name="line"/> is such a label: a question or answer label, or one to three words and a colon.</summary>
    public static bool IsLabel(string line) => QuestionLabel.IsWholeLine(line) || ColonLabel().IsMatch(line);

    [GeneratedRegex(@"^\p{Lu}[\p{L}()/-]*(?:\s+[\p{L}()/-]+){0,2}:$")]
    private static partial Regex ColonLabel();
}
