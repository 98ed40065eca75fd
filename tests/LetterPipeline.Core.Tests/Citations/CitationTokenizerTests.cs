using LetterPipeline.Core.Citations;

namespace LetterPipeline.Core.Tests.Citations;

public sealed class CitationTokenizerTests
{
    [Theory]
    [InlineData("36 045", "Dossier:36045")]
    [InlineData("36\u00a0045", "Dossier:36045")]
    [InlineData("36\u202f045", "Dossier:36045")]
    [InlineData("35.845", "Dossier:35845")]
    [InlineData("36045", "Number:36045")]
    [InlineData("2022/23", "Session:2022-2023")]
    [InlineData("2022/2023", "Session:2022-2023")]
    [InlineData("1991-1992", "Session:1991-1992")]
    [InlineData("2015–16", "Session:2015-2016")]
    [InlineData("1999/00", "Session:1999-2000")]
    [InlineData("2021/241", "Number:2021 Punct:/ Number:241")]
    [InlineData("2022/24", "Years:2022/24")]
    [InlineData("2023–34", "Years:2023–34")]
    [InlineData("2019-2023", "Years:2019-2023")]
    [InlineData("2010/75/EU", "Years:2010/75 Punct:/ Word:EU")]
    [InlineData("2023-12-01", "Date:2023-12-01")]
    [InlineData("2023-07-14", "Date:2023-07-14")]
    [InlineData("2023-13-14", "Number:2023 Dash:- Number:13 Dash:- Number:14")]
    [InlineData("(kst-30552-3).", "Punct:( Identifier:kst-30552-3 Punct:) Punct:.")]
    [InlineData("kst-36200-XII-60", "Identifier:kst-36200-XII-60")]
    [InlineData("zie stb-2023-123 en h-tk-20222023-85-5", "Word:zie Identifier:stb-2023-123 Word:en Identifier:h-tk-20222023-85-5")]
    [InlineData("kst-36045-121.pdf", "Identifier:kst-36045-121")]
    [InlineData("kst-achtig", "Word:kst Dash:- Word:achtig")]
    [InlineData("https://zoek.officielebekendmakingen.nl/kst-36045-121.html", "Identifier:kst-36045-121")]
    [InlineData("(https://zoek.officielebekendmakingen.nl/stcrt-2021-12345.html).", "Punct:( Identifier:stcrt-2021-12345 Punct:) Punct:.")]
    [InlineData("zoek.officielebekendmakingen.nl/trb-2022-45", "Identifier:trb-2022-45")]
    [InlineData("https://repository.overheid.nl/frbr/officielepublicaties/kst/36045/kst-36045-121/1/pdf/kst-36045-121.pdf", "Identifier:kst-36045-121")]
    [InlineData("https://zoek.officielebekendmakingen.nl/dossier/36045", "Url:https://zoek.officielebekendmakingen.nl/dossier/36045")]
    [InlineData("https://example.org/kst-36045-121.html", "Url:https://example.org/kst-36045-121.html")]
    [InlineData("4 november 2022", "Date:2022-11-04")]
    [InlineData("14 juli 2023", "Date:2023-07-14")]
    [InlineData("4 nov. 2022", "Date:2022-11-04")]
    [InlineData("14-07-2023", "Date:2023-07-14")]
    [InlineData("31 februari 2023", "Number:31 Word:februari Number:2023")]
    [InlineData("II2015–16", "Roman:II Session:2015-2016")]
    [InlineData("1Kamerstukken", "Number:1 Word:Kamerstukken")]
    [InlineData("Kamer\u00adstukken", "Word:Kamerstukken")]
    [InlineData("ll", "Word:ll")]
    [InlineData("VIII", "Roman:VIII")]
    [InlineData("MID", "Word:MID")]
    [InlineData("21 501–02", "Dossier:21501 Dash:- Number:02")]
    [InlineData("(https://www.un.org/water2023).", "Punct:( Url:https://www.un.org/water2023 Punct:) Punct:.")]
    [InlineData("nr. 374", "Word:nr Punct:. Number:374")]
    public void Tokenize_PrintedText_YieldsTheseTokens(string text, string expected)
    {
        var tokens = CitationTokenizer.Tokenize(text);

        Assert.Equal(expected, string.Join(" ", tokens.Select(t => $"{t.Kind}:{t.Value}")));
    }

    [Fact]
    public void Tokenize_AnyText_SpansPointIntoTheSource()
    {
        const string text = "1Kamerstukken II2015–16, 36 410 VIII, nrs. 60–62 van 4 november 2022.";

        var tokens = CitationTokenizer.Tokenize(text);

        Assert.Equal(
            ["1", "Kamerstukken", "II", "2015–16", ",", "36 410", "VIII", ",", "nrs", ".", "60", "–", "62", "van", "4 november 2022", "."],
            tokens.Select(t => text[t.Start..t.End]));
    }
}
