using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing.Identity;

/// <summary>
/// Kind, id, title and date of published documents, against what the documents themselves print: the hand-made gold
/// of tests/corpus/real-2, the official XML publications beside two PDFs, and the Aanhangsels' own text as PdfPig's
/// plain word extraction reads it.
/// </summary>
public sealed partial class RealIdentityTests
{
    public static TheoryData<string> GoldDocuments() =>
        new(Directory.GetFiles(Corpus.Folder("real-2"), "*.gold.json").Select(f => Path.GetFileName(f)[..^".gold.json".Length]).Order(StringComparer.Ordinal));

    public static TheoryData<string> Aanhangsels() => RealDocuments.Names(n => Path.GetFileName(n).StartsWith("ah-tk-", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(GoldDocuments))]
    public void Parse_RealDocument_GivesTheGoldsTitleDateAndFields(string name)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Folder("real-2"), name + ".gold.json")));
        var g = gold.RootElement;
        var letter = RealDocuments.Parse($"real-2/{name}.pdf");

        if (Stated(g, "title") is { } title)
        {
            Assert.Equal(Loose(title), Loose(letter.Title));
        }

        Assert.Equal(Stated(g, "date"), letter.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(Loose(Stated(g, "dossierTitle")), Loose(letter.Kamerstuk?.DossierTitle));
        Assert.Equal(Loose(Stated(g, "documentKind")), Loose(letter.Kamerstuk?.DocumentKind));
        if (g.TryGetProperty("letterhead", out var letterhead))
        {
            Assert.Equal(Loose(Stated(letterhead, "sender")), Loose(letter.Letterhead?.Sender));
            Assert.Equal(Loose(Stated(letterhead, "addressee")), Loose(letter.Letterhead?.Addressee));
            Assert.Equal(Loose(Stated(letterhead, "subject")), Loose(letter.Letterhead?.Subject));
            Assert.Equal(Loose(Stated(letterhead, "reference")), Loose(letter.Letterhead?.Reference));
            Assert.Equal(Loose(Stated(letterhead, "yourReference")), Loose(letter.Letterhead?.YourReference));
        }
    }

    [Theory]
    [MemberData(nameof(Aanhangsels))]
    public void Parse_Aanhangsel_IsTitledByItsQuestionsAndDatedByTheAnswer(string name)
    {
        var text = RealDocuments.PlainText(name, pages: 2);
        var letter = RealDocuments.Parse(name);

        Assert.Equal(LetterKind.Aanhangsel, letter.Kind);
        Assert.Equal(Colophon().Match(text).Value, letter.PublicationId);
        var received = Received().Match(text);
        Assert.Equal(DateOnly.ParseExact($"{received.Groups[1].Value} {received.Groups[2].Value} {received.Groups[3].Value}", "d MMMM yyyy", Dutch),
            letter.Date);
        Assert.Equal(Loose(Questions().Match(text).Groups[1].Value), Loose(letter.Title));
        Assert.Null(letter.Letterhead);
    }

    [Fact]
    public void Parse_AanhangselWithOfficialXml_MatchesThePublication()
    {
        var xml = XDocument.Load(Path.Combine(Corpus.Folder("real"), "ah-tk-20202021-3235.official.xml"));
        var descriptions = xml.Descendants("kamervraagomschrijving").ToList();
        var question = descriptions.Single(d => (string?)d.Attribute("type") == "vraag");
        var answer = descriptions.Single(d => (string?)d.Attribute("type") == "antwoord");

        var letter = RealDocuments.Parse("real/ah-tk-20202021-3235.pdf");

        Assert.Equal(Loose(question.Value[..question.Value.IndexOf(" (ingezonden", StringComparison.Ordinal)]), Loose(letter.Title));
        Assert.Equal((string?)answer.Descendants("datum").Single().Attribute("isodatum"), letter.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("ah-tk-" + xml.Descendants("kamervraagkop").Elements().First().Value.Trim()[^9..].Replace("-", "", StringComparison.Ordinal) + "-"
            + xml.Descendants("kamervraagnummer").Single().Value, letter.PublicationId);
    }

    [Fact]
    public void Parse_MotionWithOfficialXml_MatchesThePublication()
    {
        var xml = XDocument.Load(Path.Combine(Corpus.Folder("real"), "kst-32545-143.official.xml"));
        var stuk = xml.Descendants("stuk").Single();

        var letter = RealDocuments.Parse("real/kst-32545-143.pdf");

        Assert.Equal(LetterKind.Kamerstuk, letter.Kind);
        Assert.Equal(xml.Descendants("dossier").Single().Element("titel")!.Value, letter.Kamerstuk?.DossierTitle);
        Assert.Equal(stuk.Element("titel")!.Value, letter.Kamerstuk?.DocumentKind);
        Assert.Equal(stuk.Element("titel")!.Value, letter.Title);
        Assert.Equal((string?)stuk.Descendants("datum").Single().Attribute("isodatum"), letter.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("kst-32545-" + stuk.Descendants("ondernummer").Single().Value, letter.PublicationId);
    }

    [Theory]
    [MemberData(nameof(AllReal))]
    public void Parse_RealDocument_KindFollowsItsOfficialId(string name)
    {
        var file = Path.GetFileName(name);
        var letter = RealDocuments.Parse(name);

        // Files named by their official id are Kamerstukken and Aanhangsels; ministry letters as sent are named "kamerbrief-…".
        var expected = file.StartsWith("kst-", StringComparison.Ordinal) ? LetterKind.Kamerstuk
            : file.StartsWith("ah-tk-", StringComparison.Ordinal) ? LetterKind.Aanhangsel
            : file.StartsWith("kamerbrief-", StringComparison.Ordinal) ? LetterKind.Letter
            : letter.Kind;
        Assert.Equal(expected, letter.Kind);
        if (expected is LetterKind.Kamerstuk or LetterKind.Aanhangsel)
        {
            Assert.Equal(file[..^".pdf".Length], letter.PublicationId);
        }
    }

    public static TheoryData<string> AllReal() => RealDocuments.All();

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string? Stated(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>As the scorer compares titles and subjects: case, quotes, spacing and trailing punctuation do not matter.</summary>
    private static string? Loose(string? text) =>
        text is null ? null : Spacing().Replace(text.Replace('\u00a0', ' ').ToLowerInvariant(), " ").Trim(' ', '.', ':');

    [GeneratedRegex(@"ah-tk-\d{8}-\d+")]
    private static partial Regex Colophon();

    [GeneratedRegex(@"\(ontvangen (?:\(ontvangen )?(\d{1,2}) ([a-z]+) (\d{4})\)")]
    private static partial Regex Received();

    [GeneratedRegex(@"(Vragen van (?:het lid|de leden) .+?) \(ingezonden")]
    private static partial Regex Questions();

    [GeneratedRegex(@"[\s'""“”‘’«»]+")]
    private static partial Regex Spacing();
}
