using System.Text;
using System.Text.RegularExpressions;

namespace LetterPipeline.Evaluation.Tests;

// Hand-made gold/output pairs; each expected count is worked out from score.py's definition in the comment.
public sealed class LetterScorerTests
{
    private static Dictionary<string, long> Score(string gold, string output) =>
        LetterScorer.Score(Parse(gold), Parse(output)).ToDictionary(kv => kv.Key, kv => kv.Value);

    // Single quotes keep the JSON in the tests readable.
    private static object? Parse(string json) => PyJson.Parse(Encoding.UTF8.GetBytes(json.Replace('\'', '"')));

    private const string Gold = """
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
        """;

    private const string Perfect = """
        {'title': 'Brief  over de NAVO',
         'kamerstuk': {'dossier': '21 501-02', 'number': '2586', 'date': '2022-11-18'},
         'sections': [
           {'level': 0, 'heading': null, 'paragraphs': [{'text': 'Geachte voorzitter,', 'footnotes': []}]},
           {'level': 1, 'heading': '1. Introductie', 'paragraphs': [
              {'text': 'De NAVO-bondgenoten komen bijeen\nin Boekarest.', 'footnotes': ['1']},
              {'text': 'Het kabinet steunt dit.', 'footnotes': []}]},
           {'level': 2, 'heading': '1.1 Oekrai\u0308ne', 'paragraphs': [{'text': 'Steun aan Oekraïne blijft nodig.', 'footnotes': ['2']},
              {'text': 'De Minister van Buitenlandse Zaken', 'footnotes': []}]}],
         'footnotes': [
           {'number': '1', 'text': 'Kamerstuk 21 501-02, nr. 2586', 'references': [{'kind': 'kamerstuk', 'dossier': '21 501-02', 'number': '2586', 'date': '2022-11-18'}]},
           {'number': '2', 'text': 'Handelingen II 2022/23, nr. 30, item 12', 'references': [{'kind': 'Handelingen', 'vergaderjaar': '2022–2023', 'number': '30', 'item': '12'}]}]}
        """;

    [Fact]
    public void Score_OutputEqualToGoldUpToNormalisation_CountsEverythingAsMatched()
    {
        var s = Score(Gold, Perfect);

        // Gold has 3 sections, one without heading: its "" counts in head_gold but can never match.
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["title_ok"] = 1, ["head_gold"] = 3, ["head_out"] = 2, ["head_match"] = 2, ["head_level_ok"] = 2,
                ["words_gold"] = 17, ["words_matched"] = 17, ["words_extra"] = 0,
                ["para_gold"] = 4, ["para_exact"] = 4, ["leaks"] = 0,
                ["fn_gold"] = 2, ["fn_out"] = 2, ["fn_exact"] = 2, ["link_gold"] = 2, ["link_ok"] = 2,
                ["ref_gold"] = 2, ["ref_out"] = 2, ["ref_tp"] = 2, ["date_gold"] = 1, ["date_ok"] = 1,
                ["kst_gold"] = 1, ["kst_ok"] = 1,
            },
            s);
    }

    [Fact]
    public void Score_ExtraWordsOutsideTheAllowedSignature_CountAsExtra()
    {
        var output = Perfect.Replace("'Het kabinet steunt dit.'", "'Het kabinet steunt ook dit.'", StringComparison.Ordinal);

        var s = Score(Gold, output);

        Assert.Equal(17, s["words_matched"]);
        Assert.Equal(1, s["words_extra"]);
        Assert.Equal(3, s["para_exact"]);
    }

    [Fact]
    public void Score_TwoParagraphsMerged_KeepsWordsButLosesBothExactMatches()
    {
        var output = Regex.Replace(Perfect, @"in Boekarest\.', 'footnotes': \['1'\]},\s*\{'text': 'Het", "in Boekarest. Het");

        var s = Score(Gold, output);

        Assert.Equal(17, s["words_matched"]);
        Assert.Equal(2, s["para_exact"]);
        Assert.Equal(1, s["link_ok"]); // the merged paragraph kept the second one's (empty) footnote list
    }

    [Fact]
    public void Score_HeadingAtWrongLevel_MatchesTextButNotLevel()
    {
        var output = Perfect.Replace("{'level': 2, 'heading'", "{'level': 1.0, 'heading'", StringComparison.Ordinal)
            .Replace("{'level': 1, 'heading'", "{'level': true, 'heading'", StringComparison.Ordinal);

        var s = Score(Gold, output);

        // 1.0 and true equal 1 in Python: section 1 still has the right level, section 2 does not.
        Assert.Equal(2, s["head_match"]);
        Assert.Equal(1, s["head_level_ok"]);
    }

    [Fact]
    public void Score_RunningFooterAndPageNumberInBody_CountAsLeaks()
    {
        var output = Perfect.Replace("'Het kabinet steunt dit.'", "'Het kabinet steunt dit. Pagina 2 van 4 Tweede Kamer, vergaderjaar 2022–2023'", StringComparison.Ordinal);

        var s = Score(Gold, output);

        // One furniture string, one "Pagina x van y"; the bare "Pagina" furniture entry is skipped by design.
        Assert.Equal(2, s["leaks"]);
    }

    [Fact]
    public void Score_FootnoteTextInBody_CountsAsLeak()
    {
        var output = Perfect.Replace("'Het kabinet steunt dit.'", "'Het kabinet steunt dit. Handelingen II 2022/23, nr. 30, item 12'", StringComparison.Ordinal);

        Assert.Equal(1, Score(Gold, output)["leaks"]);
    }

    [Fact]
    public void Score_WrongFootnoteTextAndMissingReference_LowersFootnoteAndReferenceCounts()
    {
        var output = Perfect.Replace("'text': 'Kamerstuk 21 501-02, nr. 2586', 'references': [{'kind': 'kamerstuk', 'dossier': '21 501-02', 'number': '2586', 'date': '2022-11-18'}]",
            "'text': 'Kamerstuk 21 501-02, nr.', 'references': []", StringComparison.Ordinal);

        var s = Score(Gold, output);

        Assert.Equal(1, s["fn_exact"]);
        Assert.Equal((1, 1, 0, 1), (s["ref_out"], s["ref_tp"], s["date_ok"], s["date_gold"]));
    }

    [Fact]
    public void Score_MarkerOnTheWrongParagraph_IsNotLinked()
    {
        var output = Perfect.Replace("'footnotes': ['2']}", "'footnotes': []}", StringComparison.Ordinal)
            .Replace("'text': 'Geachte voorzitter,', 'footnotes': []", "'text': 'Geachte voorzitter,', 'footnotes': ['2']", StringComparison.Ordinal);

        Assert.Equal(1, Score(Gold, output)["link_ok"]);
    }

    [Fact]
    public void Score_KamerstukWithOtherDate_IsNotIdentified()
    {
        var output = Perfect.Replace("'kamerstuk': {'dossier': '21 501-02', 'number': '2586', 'date': '2022-11-18'}",
            "'kamerstuk': {'dossier': '21 501-02', 'number': '2586', 'date': '2022-11-19'}", StringComparison.Ordinal);

        var s = Score(Gold, output);

        Assert.Equal(0, s["kst_ok"]);
        Assert.Equal(1, s["date_ok"]); // the reference date is separate and still right
    }

    [Fact]
    public void Score_OutputWithoutKamerstukOrSections_ScoresZeroWithoutFailing()
    {
        var s = Score(Gold, "{}");

        Assert.Equal((0, 0, 17, 0, 0), (s["title_ok"], s["kst_ok"], s["words_gold"], s["words_matched"], s["fn_out"]));
    }

    [Fact]
    public void Score_PartialGold_ScoresFootnotesMarkersAndLeaksOnly()
    {
        const string gold = """
            {'partial': true, 'title': null, 'sections': [],
             'footnotes': [
               {'number': '1', 'text': 'Kamerstukken II 2019/20, 25 295, nr. 219, een lange voetnoot.', 'page': 1, 'references': [{'kind': 'kamerstuk', 'dossier': '25295', 'number': '219', 'date': null}]},
               {'number': '2', 'text': 'Kort.', 'page': 2, 'references': []}],
             'markers': [{'number': '1', 'page': 1, 'after': 'de Wpg'}, {'number': '2', 'page': 2, 'after': 'het advies'}],
             'furniture': ['kst-35538-4']}
            """;
        const string output = """
            {'sections': [{'level': 0, 'heading': null, 'paragraphs': [
                {'text': 'Volgens de Wpg is dat zo. Kort.', 'footnotes': ['1']},
                {'text': 'Zie het advies.', 'footnotes': [{'number': '2'}]}]}],
             'footnotes': [
               {'number': 1, 'text': 'Kamerstukken II 2019/20, 25 295, nr. 219, een lange voetnoot.', 'references': [{'dossier': '25 295', 'number': ' 219 '}]}]}
            """;

        var s = Score(gold, output);

        // Footnote numbers go through str() on both sides here, so the output's 1 matches gold's "1";
        // "Kort." is shorter than 25 characters and is not a leak.
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["leaks"] = 0, ["fn_gold"] = 2, ["fn_out"] = 1, ["fn_exact"] = 1, ["link_gold"] = 2, ["link_ok"] = 2,
                ["ref_gold"] = 1, ["ref_out"] = 1, ["ref_tp"] = 1,
            },
            s);
    }

    [Fact]
    public void Score_MalformedOutput_ThrowsLikeScorePy()
    {
        Assert.Throws<InvalidDataException>(() => Score(Gold, "[]"));
        Assert.Throws<InvalidDataException>(() => Score(Gold, "{'sections': 3}"));
    }
}
