using System.CommandLine;
using System.Text.Json;
using LetterPipeline.Commands;

namespace LetterPipeline.Tests.Commands;

public sealed class RefsCommandTests
{
    [Fact]
    public void Parse_WithText_PrintsOneJsonArrayOfReferenceObjects()
    {
        var output = new StringWriter();

        var exit = RefsCommand.Parse("Kamerstukken 22 054 en 36 045, nr. 374 van 4 november 2022", TextReader.Null, output);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var references = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["kst-22054-374", "kst-36045-374"], references.Select(r => r.GetProperty("id").GetString()));
        var first = references[0];
        Assert.Equal("kamerstuk", first.GetProperty("kind").GetString());
        Assert.Equal("22054", first.GetProperty("dossier").GetString());
        Assert.Equal("374", first.GetProperty("number").GetString());
        Assert.Equal("2022-11-04", first.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("vergaderjaar").ValueKind);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-22054-374", first.GetProperty("url").GetString());
        Assert.Equal("Kamerstukken 22 054 en 36 045, nr. 374 van 4 november 2022", first.GetProperty("text").GetString());
    }

    [Fact]
    public void Parse_WithoutText_PrintsOneArrayPerInputLine()
    {
        var input = new StringReader("Handelingen II 2022/23, nr. 30, item 12\nZie nr. 12.\nAanhangsel Handelingen II 2022/23, nr. 512\n");
        var output = new StringWriter();

        RefsCommand.Parse(null, input, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            ["h-tk-20222023-30-12", "", "ah-tk-20222023-512"],
            lines.Select(line => string.Join(" ", JsonDocument.Parse(line).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()))));
    }

    [Fact]
    public void Parse_HugeRange_PrintsTheEndpointsAndWarnsOnStandardError()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = RefsCommand.Parse("Kamerstuk 36 045, nrs. 1 t/m 99999999999", TextReader.Null, output, error);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(["kst-36045-1", "kst-36045-99999999999"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Contains("warning", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023", 2023, 1, 1)]
    [InlineData("2023-05", 2023, 5, 1)]
    [InlineData("2023-05-14", 2023, 5, 14)]
    public void Top_SinceAYearMonthOrDay_ParsesToItsFirstDay(string since, int year, int month, int day)
    {
        var root = new RootCommand { RefsCommand.Create() };

        var result = root.Parse(["refs", "top", "--since", since]);

        Assert.Empty(result.Errors);
        var option = result.CommandResult.Command.Options.Single(o => o.Name == "--since");
        Assert.Equal(new DateOnly(year, month, day), result.GetValue((Option<DateOnly?>)option));
    }

    [Fact]
    public void Top_SinceNoDate_IsOneErrorInTheOptionsWords()
    {
        var result = new RootCommand { RefsCommand.Create() }.Parse(["refs", "top", "--since", "last year"]);

        Assert.Equal("--since takes a year, a month or a day: 2023, 2023-05 or 2023-05-14; got 'last year'.", Assert.Single(result.Errors).Message);
    }
}
