namespace LetterPipeline.Core.Model;

/// <summary>
/// Written questions of members of parliament and the government's answers, as an Aanhangsel van de Handelingen or a
/// ministry letter "Antwoorden op Kamervragen" prints them.
/// </summary>
/// <param name="AskedBy">The members who asked, each with their party as printed: "Sneller (D66)".</param>
/// <param name="AddressedTo">The ministers and state secretaries asked: "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties".</param>
/// <param name="Subject">What the questions are about, the words after "over"; null when not printed.</param>
/// <param name="Submitted">When the questions were submitted ("ingezonden").</param>
/// <param name="AnsweredBy">Who answered, as printed: "Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties)".</param>
/// <param name="Received">When the Kamer received the answers ("ontvangen").</param>
/// <param name="Items">One item per printed "Vraag" label, in order.</param>
public sealed record QuestionSet(
    IReadOnlyList<string> AskedBy,
    IReadOnlyList<string> AddressedTo,
    string? Subject,
    DateOnly? Submitted,
    string? AnsweredBy,
    DateOnly? Received,
    IReadOnlyList<QuestionItem> Items);

/// <summary>
/// One question and its answer, without their labels. A label naming several questions ("Vraag 2 en 3") is one item
/// with several numbers; an answer to several questions ("Antwoord 5 en 6") answers each of their items.
/// Paragraphs are separated by a line feed.
/// </summary>
/// <param name="Numbers">The question numbers the label names: ["2", "3"] for "Vraag 2 en 3".</param>
/// <param name="Question">The question's text without its label.</param>
/// <param name="Answer">The answer's text without its label; empty when the document prints none.</param>
/// <param name="Markers">The footnote markers in the question and the answer, each with the text it stands in.</param>
public sealed record QuestionItem(IReadOnlyList<string> Numbers, string Question, string Answer, IReadOnlyList<QuestionMarker> Markers)
{
    /// <summary>The footnote numbers the question and answer cite, in order.</summary>
    public IReadOnlyList<string> Footnotes => Markers.Select(m => m.Number).ToArray();
}

/// <summary>Which text of a <see cref="QuestionItem"/> a marker stands in.</summary>
public enum QuestionPart
{
    /// <summary>The question.</summary>
    Question,

    /// <summary>The answer.</summary>
    Answer,
}

/// <summary>A footnote marker in a question or answer; <see cref="Offset"/> is the character index it followed in that text.</summary>
public sealed record QuestionMarker(string Number, int Offset, QuestionPart Part);
