using System.Text.Json;
using System.Text.Json.Nodes;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing;

namespace LetterPipeline.Evaluation.Tests;

// Hand-made real-document gold and outputs; each expected count is worked out from score_real.py's definition.
public sealed class RealScorerTests : IDisposable
{
    private static readonly GoldLetter Gold = ParseGold("""
        {'id': 'brief', 'partial': true,
         'title': 'Verzamelbrief luchtvaart', 'date': '2023-03-01',
         'letterhead': {'sender': 'Ministerie van Infrastructuur en Waterstaat', 'subject': 'Verzamelbrief luchtvaart', 'reference': 'IENW/BSK-2023/12345', 'yourReference': null},
         'dossierTitle': 'Luchtvaartbeleid', 'documentKind': 'BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT',
         'headings': [{'level': 1, 'text': '1. Schiphol'}, {'level': 2, 'text': '1.1 Geluid'}],
         'footnotes': [{'number': '1', 'text': 'Kamerstuk 31 936, nr. 1000, over de normering van het geluid rond Schiphol.', 'page': 1,
                        'references': [{'kind': 'kamerstuk', 'dossier': '31936', 'number': '1000'}]}],
         'markers': [{'number': '1', 'page': 1, 'after': 'het geluid'}],
         'furniture': ['Pagina', 'Datum 1 maart 2023']}
        """);

    private static readonly Letter Output = new(
        new SourceInfo("brief.pdf", new string('0', 64), 2),
        "VERZAMELBRIEF ‘LUCHTVAART’.",
        null,
        new DateOnly(2023, 3, 1),
        [
            new Section(1, "1. Schiphol", [P("Over het geluid rond Schiphol.", "1")]),
            new Section(1, "1.1 Geluid", [P("Nog meer daarover.", "1")]),
        ],
        [
            new Footnote("1", "Kamerstuk 31 936, nr. 1000, over de normering van het geluid rond Schiphol.", 1,
                [new Reference(ReferenceKind.Kamerstuk, "31936", "1000", null, null, null, "kst-31936-1000", "Kamerstuk 31 936, nr. 1000")]),
        ],
        []);

    private static readonly HeaderFields NoHeader = new(null, null, null, null);

    private readonly string temp = Directory.CreateTempSubdirectory("letterpipe-real-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static Paragraph P(string text, params string[] footnotes) => new(text, [.. footnotes.Select(n => new FootnoteMarker(n, text.Length))], false);

    private static GoldLetter ParseGold(string json)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return GoldReader.Letter(document.RootElement);
    }

    private static Dictionary<string, double> Score(GoldLetter gold, ConvertedLetter? output) =>
        RealScorer.Score(gold, output).Figures.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public void Score_OutputWithoutHeaderFields_CountsEveryStatedField()
    {
        var s = Score(Gold, new ConvertedLetter(Output, NoHeader));

        // The title differs only in case, quotes and the full stop; "1.1 Geluid" is at the wrong level; the marker
        // is cited twice and belongs to the first paragraph.
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["docs"] = 1, ["converted"] = 1, ["title_gold"] = 1, ["title_ok"] = 1, ["date_gold"] = 1, ["date_ok"] = 1,
                ["lh_subject_gold"] = 1, ["lh_subject_ok"] = 0, ["lh_reference_gold"] = 1, ["lh_reference_ok"] = 0,
                ["dossierTitle_gold"] = 1, ["dossierTitle_ok"] = 0, ["documentKind_gold"] = 1, ["documentKind_ok"] = 0,
                ["head_gold"] = 2, ["head_out"] = 2, ["head_match"] = 2, ["head_level_ok"] = 1, ["leaks"] = 0,
                ["fn_gold"] = 1, ["fn_out"] = 1, ["fn_exact"] = 1, ["link_gold"] = 1, ["link_ok"] = 1,
                ["ref_gold"] = 1, ["ref_out"] = 1, ["ref_tp"] = 1,
            },
            s);
    }

    [Fact]
    public void Score_GoldStatingNoFields_CountsOnlyLeaksFootnotesLinksAndReferences()
    {
        var gold = ParseGold("{'partial': true, 'title': null, 'date': null, 'letterhead': {'subject': null}, 'footnotes': [], 'markers': []}");

        var s = Score(gold, new ConvertedLetter(Output, NoHeader));

        Assert.Equal(
            ["docs", "converted", "leaks", "fn_gold", "fn_out", "fn_exact", "link_gold", "link_ok", "ref_gold", "ref_out", "ref_tp"],
            s.Keys);
    }

    [Fact]
    public void Score_EmptyHeadingList_StatesThatThereAreNoHeadings()
    {
        var gold = ParseGold("{'partial': true, 'headings': []}");

        var s = Score(gold, new ConvertedLetter(Output, NoHeader));

        Assert.Equal((0, 2, 0), (s["head_gold"], s["head_out"], s["head_match"]));
    }

    [Fact]
    public void Score_HeaderFieldsInTheJson_AreScored()
    {
        var path = Path.Combine(temp, "brief.json");
        using (var stream = File.Create(path))
        {
            new JsonLetterWriter().Write(Output, stream);
        }

        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["letterhead"] = new JsonObject { ["subject"] = "Verzamelbrief luchtvaart", ["reference"] = "IENW/BSK-2023/99999" };
        json["kamerstuk"] = new JsonObject
        {
            ["dossier"] = "31936", ["number"] = "1001", ["vergaderjaar"] = null, ["date"] = null, ["id"] = "kst-31936-1001",
            ["dossierTitle"] = "LUCHTVAARTBELEID", ["documentKind"] = "BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
        };
        File.WriteAllText(path, json.ToJsonString());

        var s = Score(Gold, ConvertedLetter.Read(path));

        Assert.Equal((1, 0, 1, 1), (s["lh_subject_ok"], s["lh_reference_ok"], s["dossierTitle_ok"], s["documentKind_ok"]));
    }

    [Fact]
    public void Score_MissingOutput_ScoresZeroOnEveryStatedField()
    {
        var s = Score(Gold, ConvertedLetter.Read(Path.Combine(temp, "nothing.json")));

        Assert.Equal((0, 0, 0, 0, 0, 1), (s["converted"], s["title_ok"], s["date_ok"], s["head_match"], s["fn_exact"], s["fn_gold"]));
    }

    [Fact]
    public void Score_FurnitureAndLongFootnoteInBody_CountAsLeaks()
    {
        var output = Output with
        {
            Sections = [new Section(0, null, [P("Datum 1 maart 2023 Pagina 1 van 3 " + Gold.Footnotes[0].Text)])],
        };

        // Both furniture strings (score_real.py skips only strings of up to 3 characters, so "Pagina" counts) and the
        // footnote; unlike score.py, "Pagina x van y" is not a leak of its own.
        Assert.Equal(3, Score(Gold, new ConvertedLetter(output, NoHeader))["leaks"]);
    }

    [Fact]
    public void Score_FootnoteShorterThan40Characters_IsNoLeak()
    {
        var gold = ParseGold("{'partial': true, 'footnotes': [{'number': '1', 'text': 'Kamerstuk 31 936, nr. 1000.', 'references': []}]}");
        var output = Output with { Sections = [new Section(0, null, [P("Zie Kamerstuk 31 936, nr. 1000.")])] };

        Assert.Equal(0, Score(gold, new ConvertedLetter(output, NoHeader))["leaks"]);
    }
}
