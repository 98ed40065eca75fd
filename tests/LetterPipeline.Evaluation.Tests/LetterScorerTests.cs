using System.Text.Json;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation.Tests;

// Hand-made gold/output pairs; each expected count is worked out from score.py's definition.
public sealed class LetterScorerTests
{
    private static readonly GoldLetter Gold = ParseGold("""
        {'title': 'Brief over de NAVO',
         'sections': [
           {'level': 0, 'heading': null, 'paragraphs': [{'text': 'Geachte voorzitter,', 'footnotes': []}]},
           {'level': 1, 'heading': '1. Introductie', 'paragraphs': [
              {'text': 'De NAVO-bondgenoten komen bijeen in Boekarest.', 'footnotes': ['1']},
              {'text': 'Het kabinet steunt dit.', 'footnotes': []}]},
           {'level': 2, 'heading': '1.1 Oekraïne', 'paragraphs': [{'text': 'Steun aan Oekraïne blijft nodig.', 'footnotes': ['2']}]}],
         'footnotes': [
           {'number': '1', 'text': 'Kamerstuk 21 501-02, nr. 2586', 'references': [{'kind': 'kamerstuk', 'dossier': '21501-02', 'number': '2586', 'date': '2022-11-18'}]},
           {'number': '2', 'text': 'Handelingen II 2022/23, nr. 30, item 12', 'references': [{'kind': 'handelingen', 'vergaderjaar': '2022-2023', 'number': '30', 'item': '12'}]}],
         'furniture': ['Tweede Kamer, vergaderjaar 2022–2023', 'Pagina'],
         'allowed_extra': ['De Minister van Buitenlandse Zaken'],
         'kamerstuk': {'dossier': '21501-02', 'number': '2586', 'date': '18 november 2022'}}
        """);

    // The gold up to normalisation: spaces, a line break, a decomposed ï, the signature, a spaced dossier.
    private static readonly Letter Perfect = new(
        new SourceInfo("brief.pdf", new string('0', 64), 2),
        "Brief  over de NAVO",
        new LetterIdentity("21 501-02", "2586", "2022-2023", new DateOnly(2022, 11, 18)),
        new DateOnly(2022, 11, 18),
        [
            new Section(0, null, [P("Geachte voorzitter,")]),
            new Section(1, "1. Introductie", [P("De NAVO-bondgenoten komen bijeen\nin Boekarest.", "1"), P("Het kabinet steunt dit.")]),
            new Section(2, "1.1 Oekrai\u0308ne", [P("Steun aan Oekraïne blijft nodig.", "2"), P("De Minister van Buitenlandse Zaken")]),
        ],
        [
            new Footnote("1", "Kamerstuk 21 501-02, nr. 2586", 2,
                [new Reference(ReferenceKind.Kamerstuk, "21 501-02", "2586", null, null, new DateOnly(2022, 11, 18), "kst-21501-02-2586", "Kamerstuk 21 501-02, nr. 2586")]),
            new Footnote("2", "Handelingen II 2022/23, nr. 30, item 12", 2,
                [new Reference(ReferenceKind.Handelingen, null, "30", "2022–2023", "12", null, "h-tk-20222023-30-12", "Handelingen II 2022/23, nr. 30, item 12")]),
        ],
        []);

    private static Paragraph P(string text, params string[] footnotes) => new(text, [.. footnotes.Select(n => new FootnoteMarker(n, text.Length))], false);

    // Single quotes keep the JSON in the tests readable.
    private static GoldLetter ParseGold(string json)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return GoldReader.Letter(document.RootElement);
    }

    private static Dictionary<string, double> Score(GoldLetter gold, Letter? output) =>
        LetterScorer.Score(gold, output is null ? null : new ConvertedLetter(output, ConvertedLetter.Empty.Header)).Figures.ToDictionary(f => f.Name, f => f.Value);

    private static Letter ReplaceParagraph(Letter letter, string text, Paragraph replacement) => letter with
    {
        Sections = [.. letter.Sections.Select(s => s with { Paragraphs = [.. s.Paragraphs.Select(p => p.Text == text ? replacement : p)] })],
    };

    [Fact]
    public void Score_OutputEqualToGoldUpToNormalisation_CountsEverythingAsMatched()
    {
        var s = Score(Gold, Perfect);

        // Gold has 3 sections, one without heading: its "" counts in head_gold but can never match.
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["title_ok"] = 1, ["head_gold"] = 3, ["head_out"] = 2, ["head_match"] = 2, ["head_level_ok"] = 2,
                ["words_gold"] = 17, ["words_matched"] = 17, ["words_extra"] = 0,
                ["para_gold"] = 4, ["para_exact"] = 4, ["leaks"] = 0,
                ["fn_gold"] = 2, ["fn_out"] = 2, ["fn_exact"] = 2, ["link_gold"] = 2, ["link_ok"] = 2,
                ["ref_gold"] = 2, ["ref_out"] = 2, ["ref_tp"] = 2, ["date_gold"] = 1, ["date_ok"] = 1,
                ["kst_gold"] = 1, ["kst_ok"] = 1, ["docs"] = 1, ["missing"] = 0,
            },
            s);
    }

    [Fact]
    public void Score_ExtraWordsOutsideTheAllowedSignature_CountAsExtra()
    {
        var output = ReplaceParagraph(Perfect, "Het kabinet steunt dit.", P("Het kabinet steunt ook dit."));

        var s = Score(Gold, output);

        Assert.Equal(17, s["words_matched"]);
        Assert.Equal(1, s["words_extra"]);
        Assert.Equal(3, s["para_exact"]);
    }

    [Fact]
    public void Score_TwoParagraphsMerged_KeepsWordsButLosesBothExactMatches()
    {
        var merged = P("De NAVO-bondgenoten komen bijeen\nin Boekarest. Het kabinet steunt dit.");
        var output = Perfect with
        {
            Sections = [Perfect.Sections[0], Perfect.Sections[1] with { Paragraphs = [merged] }, Perfect.Sections[2]],
        };

        var s = Score(Gold, output);

        Assert.Equal(17, s["words_matched"]);
        Assert.Equal(2, s["para_exact"]);
        Assert.Equal(1, s["link_ok"]); // the merged paragraph kept the second one's (empty) footnote list
    }

    [Fact]
    public void Score_HeadingAtWrongLevel_MatchesTextButNotLevel()
    {
        var output = Perfect with { Sections = [Perfect.Sections[0], Perfect.Sections[1], Perfect.Sections[2] with { Level = 1 }] };

        var s = Score(Gold, output);

        Assert.Equal(2, s["head_match"]);
        Assert.Equal(1, s["head_level_ok"]);
    }

    [Fact]
    public void Score_RunningFooterAndPageNumberInBody_CountAsLeaks()
    {
        var output = ReplaceParagraph(Perfect, "Het kabinet steunt dit.", P("Het kabinet steunt dit. Pagina 2 van 4 Tweede Kamer, vergaderjaar 2022–2023"));

        var s = Score(Gold, output);

        // One furniture string, one "Pagina x van y"; the bare "Pagina" furniture entry is skipped by design.
        Assert.Equal(2, s["leaks"]);
    }

    [Fact]
    public void Score_FootnoteTextInBody_CountsAsLeak()
    {
        var output = ReplaceParagraph(Perfect, "Het kabinet steunt dit.", P("Het kabinet steunt dit. Handelingen II 2022/23, nr. 30, item 12"));

        Assert.Equal(1, Score(Gold, output)["leaks"]);
    }

    [Fact]
    public void Score_FootnoteOfWhichOnlyTheStartIsInBody_IsNoLeak()
    {
        var output = ReplaceParagraph(Perfect, "Het kabinet steunt dit.", P("Het kabinet steunt dit. Handelingen II 2022/23, nr. 30"));

        Assert.Equal(0, Score(Gold, output)["leaks"]);
    }

    [Fact]
    public void Score_WrongFootnoteTextAndMissingReference_LowersFootnoteAndReferenceCounts()
    {
        var output = Perfect with { Footnotes = [Perfect.Footnotes[0] with { Text = "Kamerstuk 21 501-02, nr.", References = [] }, Perfect.Footnotes[1]] };

        var s = Score(Gold, output);

        Assert.Equal(1, s["fn_exact"]);
        Assert.Equal((1, 1, 0, 1), (s["ref_out"], s["ref_tp"], s["date_ok"], s["date_gold"]));
    }

    [Fact]
    public void Score_MarkerOnTheWrongParagraph_IsNotLinked()
    {
        var output = ReplaceParagraph(
            ReplaceParagraph(Perfect, "Steun aan Oekraïne blijft nodig.", P("Steun aan Oekraïne blijft nodig.")),
            "Geachte voorzitter,", P("Geachte voorzitter,", "2"));

        Assert.Equal(1, Score(Gold, output)["link_ok"]);
    }

    [Fact]
    public void Score_KamerstukWithOtherDate_IsNotIdentified()
    {
        var output = Perfect with { Kamerstuk = Perfect.Kamerstuk! with { Date = new DateOnly(2022, 11, 19) } };

        var s = Score(Gold, output);

        Assert.Equal(0, s["kst_ok"]);
        Assert.Equal(1, s["date_ok"]); // the reference date is separate and still right
    }

    [Fact]
    public void Score_MissingOutput_ScoresZeroWithoutFailing()
    {
        var s = Score(Gold, null);

        Assert.Equal((0, 0, 17, 0, 0, 1), (s["title_ok"], s["kst_ok"], s["words_gold"], s["words_matched"], s["fn_out"], s["missing"]));
    }

    [Fact]
    public void Score_PartialGold_ScoresFootnotesMarkersAndLeaksOnly()
    {
        var gold = ParseGold("""
            {'partial': true, 'title': null, 'sections': [],
             'footnotes': [
               {'number': '1', 'text': 'Kamerstukken II 2019/20, 25 295, nr. 219, een lange voetnoot.', 'page': 1, 'references': [{'kind': 'kamerstuk', 'dossier': '25295', 'number': '219', 'date': null}]},
               {'number': '2', 'text': 'Kort.', 'page': 2, 'references': []}],
             'markers': [{'number': '1', 'page': 1, 'after': 'de Wpg'}, {'number': '2', 'page': 2, 'after': 'het advies'}],
             'furniture': ['kst-35538-4']}
            """);
        var output = Perfect with
        {
            Sections = [new Section(0, null, [P("Volgens de Wpg is dat zo. Kort.", "1"), P("Zie het advies.", "2")])],
            Footnotes = [new Footnote("1", "Kamerstukken II 2019/20, 25 295, nr. 219, een lange voetnoot.", 1,
                [new Reference(ReferenceKind.Kamerstuk, "25 295", " 219 ", null, null, null, "kst-25295-219", "")])],
        };

        var s = Score(gold, output);

        // "Kort." is shorter than 25 characters and is not a leak.
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["leaks"] = 0, ["fn_gold"] = 2, ["fn_out"] = 1, ["fn_exact"] = 1, ["link_gold"] = 2, ["link_ok"] = 2,
                ["ref_gold"] = 1, ["ref_out"] = 1, ["ref_tp"] = 1, ["docs"] = 1, ["missing"] = 0,
            },
            s);
    }

    [Fact]
    public void Score_PartialGoldMarkerCitedTwice_BelongsToTheLastParagraph()
    {
        var gold = ParseGold("{'partial': true, 'footnotes': [], 'markers': [{'number': '1', 'after': 'tweede'}]}");
        var output = Perfect with { Sections = [new Section(0, null, [P("De eerste.", "1"), P("De tweede.", "1")])] };

        Assert.Equal(1, Score(gold, output)["link_ok"]);
    }
}
