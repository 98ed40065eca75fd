using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Tests.Support;
using Xunit.Abstractions;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>
/// The table of printed citations in <c>tests/corpus/citations/printed-citations.tsv</c>: forms written from
/// citation practice, not from the corpus, each with the official ids it cites ("-" for none).
/// </summary>
public sealed class PrintedCitationTableTests(ITestOutputHelper output)
{
    private static readonly string TablePath = Path.Combine(Corpus.Root, "citations", "printed-citations.tsv");

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (printed, ids) in Read())
        {
            data.Add(printed, ids);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parse_PrintedCitation_YieldsTheTablesIds(string printed, string ids)
    {
        var references = CitationParser.Parse(printed);

        Assert.Equal(Expected(ids), references.Select(r => r.Id));
    }

    [Fact]
    public void Parse_WholeTable_MeetsTheRequiredRecallAndPrecision()
    {
        int gold = 0, found = 0, matched = 0;
        foreach (var (printed, ids) in Read())
        {
            var expected = Expected(ids);
            var actual = CitationParser.Parse(printed).Select(r => r.Id).ToList();
            gold += expected.Count;
            found += actual.Count;
            matched += expected.Distinct().Sum(id => Math.Min(expected.Count(e => e == id), actual.Count(a => a == id)));
        }

        var recall = (double)matched / gold;
        var precision = found == 0 ? 1.0 : (double)matched / found;
        output.WriteLine($"{Read().Count} printed citations, {gold} references, {found} found: recall {recall:F4}, precision {precision:F4}");
        Assert.InRange(recall, 0.95, 1.0);
        Assert.InRange(precision, 0.98, 1.0);
    }

    private static List<string> Expected(string ids) => ids == "-" ? [] : [.. ids.Split(' ')];

    private static List<(string Printed, string Ids)> Read() =>
        File.ReadLines(TablePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => (cells[0], cells[1]))
            .ToList();
}
