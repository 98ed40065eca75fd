using System.Text.RegularExpressions;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;
using UglyToad.PdfPig;
using Page = UglyToad.PdfPig.Content.Page;

namespace LetterPipeline.Core.Tests.Parsing.Questions;

/// <summary>
/// Every Aanhangsel in the corpus: one item per printed "Vraag" label, each with a question and an answer, and the
/// dates and askers the header prints. The expectation is read from the PDF's own words (PdfPig's word extractor,
/// not the pipeline's lines): its label lines and the dates after "ingezonden" and "ontvangen".
/// </summary>
public sealed partial class AanhangselQuestionsTests
{
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static TheoryData<string, string> Aanhangsels()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { "real", "real-2" })
        {
            foreach (var file in Directory.GetFiles(Corpus.Folder(set), "ah-*.pdf").Order(StringComparer.Ordinal))
            {
                data.Add(set, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Aanhangsels))]
    public void Parse_Aanhangsel_HasOneItemPerVraagLabelWithQuestionAndAnswer(string set, string file)
    {
        var path = Path.Combine(Corpus.Folder(set), file);
        var printed = PrintedLabels(path);

        var questions = Parse(path).Questions;

        Assert.NotNull(questions);
        Assert.NotEmpty(printed);
        Assert.Equal(printed, questions.Items.Select(i => string.Join(",", i.Numbers)));
        Assert.All(questions.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Question), $"question {string.Join(",", i.Numbers)}"));
        Assert.All(questions.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Answer), $"answer {string.Join(",", i.Numbers)}"));
        Assert.All(questions.Items, i => Assert.DoesNotMatch(@"^(Vraag|Antwoord)\b", i.Question + "\n" + i.Answer));
    }

    [Theory]
    [MemberData(nameof(Aanhangsels))]
    public void Parse_Aanhangsel_HasThePrintedDatesAndAskers(string set, string file)
    {
        var path = Path.Combine(Corpus.Folder(set), file);
        var page = FirstPageText(path);

        var questions = Parse(path).Questions;

        Assert.NotNull(questions);
        Assert.Equal(PrintedDate(page, "ingezonden"), questions.Submitted);
        Assert.Equal(PrintedDate(page, "ontvangen"), questions.Received);
        var askers = AskersSentence().Match(page).Groups["who"].Value;
        Assert.NotEmpty(questions.AskedBy);
        Assert.All(questions.AskedBy, a => Assert.Contains(a[..a.IndexOf(" (", StringComparison.Ordinal)], askers, StringComparison.Ordinal));
        Assert.True(questions.AskedBy.Count >= Regex.Count(askers, @"\((?!allen|beiden)"), askers);
        Assert.NotEmpty(questions.AddressedTo);
        Assert.NotNull(questions.AnsweredBy);
    }

    [Fact]
    public void Parse_AnswerToTwoQuestions_AnswersBothItems()
    {
        var questions = Parse(Path.Combine(Corpus.Folder("real"), "ah-tk-20232024-1481.pdf")).Questions!;

        var five = questions.Items.Single(i => i.Numbers.SequenceEqual(["5"]));
        var six = questions.Items.Single(i => i.Numbers.SequenceEqual(["6"]));
        Assert.Equal(five.Answer, six.Answer);
        Assert.NotEqual(five.Question, six.Question);
    }

    [Fact]
    public void Parse_FootnoteMarkers_StandInTheirQuestionOrAnswer()
    {
        var letter = Parse(Path.Combine(Corpus.Folder("real"), "ah-tk-20232024-1786.pdf"));

        var items = letter.Questions!.Items;
        Assert.Equal(letter.Sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Footnotes), items.SelectMany(i => i.Footnotes));
        var first = items[0].Markers.Single();
        Assert.Equal((QuestionPart.Question, "1"), (first.Part, first.Number));
        Assert.EndsWith("«Dredging destruction» van Both Ends", items[0].Question[..first.Offset], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LetterThatIsNoAanhangsel_HasNoQuestions() =>
        Assert.Null(Parse(Path.Combine(Corpus.Folder("real"), "kst-35538-4.pdf")).Questions);

    private static Letter Parse(string path) => new LetterParser().Parse(File.ReadAllBytes(path), Path.GetFileName(path), "0").Letter;

    /// <summary>The numbers of each line that is nothing but "Vraag N" (or "Vraag 2 en 3"), in reading order, from PdfPig's words.</summary>
    private static List<string> PrintedLabels(string path)
    {
        var labels = new List<string>();
        using var document = PdfDocument.Open(path);
        foreach (var page in document.GetPages())
        {
            foreach (var line in Lines(page))
            {
                var m = LabelLine().Match(line);
                if (m.Success)
                {
                    labels.Add(string.Join(",", Regex.Matches(m.Groups["nums"].Value, @"\d+").Select(n => n.Value)));
                }
            }
        }

        return labels;
    }

    private static string FirstPageText(string path)
    {
        using var document = PdfDocument.Open(path);
        return Regex.Replace(string.Join(" ", Lines(document.GetPage(1))), @"\s+", " ");
    }

    /// <summary>The page's words grouped into lines by baseline, top to bottom, each line's words left to right.</summary>
    private static IEnumerable<string> Lines(Page page) =>
        page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));

    private static DateOnly? PrintedDate(string page, string word)
    {
        var m = Regex.Match(page, $@"\({word}\s+(?:\({word}\s+)?(\d{{1,2}})\s+(\p{{L}}+)\s+(\d{{4}})");
        return m.Success
            ? new DateOnly(int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), Array.IndexOf(Months, m.Groups[2].Value) + 1,
                int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^Vraag\s+(?<nums>\d+(?:\s*(?:,|en)\s*\d+)*)$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"Vragen van (?:het lid|de leden) (?<who>.+?) aan ")]
    private static partial Regex AskersSentence();
}
