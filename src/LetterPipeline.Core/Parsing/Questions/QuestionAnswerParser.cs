using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Questions;

/// <summary>
/// Reads written questions and their answers from the body blocks of an Aanhangsel van de Handelingen or a ministry
/// letter answering Kamervragen.
/// <list type="bullet">
/// <item>The header before the first label (<see cref="QuestionHeader"/>) gives who asked whom about what and when,
/// and who answered when.</item>
/// <item>Each "Vraag N" label (<see cref="QuestionLabel"/>) at the start of a line opens an item; its text runs to the
/// next label. An "Antwoord N" label's text answers the items whose numbers it names, a bare "Antwoord" the items
/// still unanswered before it. A heading or a signature ends the text.</item>
/// </list>
/// Without such a header there are no questions: a letter that mentions "vraag 3" in passing is no Aanhangsel.
/// </summary>
internal static partial class QuestionAnswerParser
{
    /// <summary>The questions and answers in <paramref name="blocks"/> (all body blocks, the title's included), or null.</summary>
    public static QuestionSet? Parse(IReadOnlyList<BodyBlock> blocks, Vocabulary words)
    {
        var (preamble, segments) = Segment(blocks, words);
        var header = QuestionHeader.Read(string.Join(" ", preamble));
        var items = Items(segments);
        if (header is null || (items.Count == 0 && !(header.Submitted is not null && header.Received is not null)))
        {
            return null;
        }

        return new QuestionSet(header.AskedBy, header.AddressedTo, header.Subject, header.Submitted, header.AnsweredBy, header.Received, items);
    }

    /// <summary>A stretch of text opened by a label: the paragraphs up to the next label, heading or signature.</summary>
    private sealed record LabelledText(QuestionLabelMatch Label, List<Paragraph> Paragraphs);

    private static (List<string> Preamble, List<LabelledText> Segments) Segment(IReadOnlyList<BodyBlock> blocks, Vocabulary words)
    {
        var preamble = new List<string>();
        var segments = new List<LabelledText>();
        LabelledText? current = null;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading || (current is not null && IsSignature(block)))
            {
                if (segments.Count == 0)
                {
                    preamble.Add(LineJoiner.Join(block.Lines, words).Text);
                }

                current = null;
                continue;
            }

            var piece = new List<TextLine>();
            foreach (var line in block.Lines)
            {
                if (QuestionLabel.Match(line.Text) is not { } label)
                {
                    piece.Add(line);
                    continue;
                }

                Flush(block.Kind, piece, current, preamble, segments.Count == 0, words);
                current = new LabelledText(label, []);
                segments.Add(current);
                var rest = line.Text[label.Length..].TrimStart();
                if (rest.Length > 0)
                {
                    var cut = line.Text.Length - rest.Length;
                    piece.Add(line with { Text = rest, Markers = line.Markers.Where(m => m.Offset >= cut).Select(m => m with { Offset = m.Offset - cut }).ToList() });
                }
            }

            Flush(block.Kind, piece, current, preamble, segments.Count == 0, words);
        }

        return (preamble, segments);
    }

    private static void Flush(BlockKind kind, List<TextLine> piece, LabelledText? current, List<string> preamble, bool beforeFirstLabel, Vocabulary words)
    {
        if (piece.Count == 0)
        {
            return;
        }

        var block = new BodyBlock(kind, piece[0]);
        block.Lines.AddRange(piece.Skip(1));
        var paragraph = SectionBuilder.ToParagraph(block, words);
        if (current is not null)
        {
            current.Paragraphs.Add(paragraph);
        }
        else if (beforeFirstLabel)
        {
            preamble.Add(paragraph.Text);
        }

        piece.Clear();
    }

    private static List<QuestionItem> Items(List<LabelledText> segments)
    {
        var questions = new List<(LabelledText Question, List<Paragraph>? Answer)>();
        foreach (var segment in segments)
        {
            if (segment.Label.IsQuestion)
            {
                questions.Add((segment, null));
                continue;
            }

            var named = segment.Label.Numbers;
            var targets = Enumerable.Range(0, questions.Count)
                .Where(i => questions[i].Answer is null && named.Count > 0 && questions[i].Question.Label.Numbers.Intersect(named).Any()).ToList();
            if (targets.Count == 0)
            {
                targets = Enumerable.Range(0, questions.Count).Where(i => questions[i].Answer is null).ToList();
            }

            foreach (var i in targets)
            {
                questions[i] = (questions[i].Question, segment.Paragraphs);
            }
        }

        return questions.Select(q => Item(q.Question, q.Answer ?? [])).ToList();
    }

    private static QuestionItem Item(LabelledText question, List<Paragraph> answer)
    {
        var markers = new List<QuestionMarker>();
        var questionText = Join(question.Paragraphs, QuestionPart.Question, markers);
        var answerText = Join(answer, QuestionPart.Answer, markers);
        return new QuestionItem(question.Label.Numbers, questionText, answerText, markers);
    }

    /// <summary>The paragraphs' texts, one a line, with their markers moved to offsets in the joined text.</summary>
    private static string Join(List<Paragraph> paragraphs, QuestionPart part, List<QuestionMarker> markers)
    {
        var text = new System.Text.StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            markers.AddRange(paragraph.Markers.Select(m => new QuestionMarker(m.Number, text.Length + m.Offset, part)));
            text.Append(paragraph.Text);
        }

        return text.ToString();
    }

    /// <summary>"De Minister van Buitenlandse Zaken," over a name: the close of a letter, not part of an answer.</summary>
    private static bool IsSignature(BodyBlock block) =>
        block.Lines.Count <= 3 && block.First.Text.EndsWith(',') && SignatureOpening().IsMatch(block.First.Text);

    [GeneratedRegex(@"^(?:De|Het)\s+\p{L}")]
    private static partial Regex SignatureOpening();
}
