using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>Each printed form docs/citations.md lists, with the references it must give.</summary>
public sealed class CitationParserTests
{
    [Theory]
    // Kamer and vergaderjaar optional, in every printed spelling.
    [InlineData("Kamerstuk 36 045, nr. 121", "kst-36045-121")]
    [InlineData("Kamerstukken II 2021/22, 36 045, nr. 1", "kst-36045-1")]
    [InlineData("Kamerstukken I 2022/2023, 36 045, nr. 1", "kst-36045-1")]
    [InlineData("Kamerstukken II 1991-1992, 22 300 XIII, nr. 5", "kst-22300-XIII-5")]
    [InlineData("Kamerstukken II 2015–16, 34 300, nr. 2", "kst-34300-2")]
    [InlineData("Kamerstukken II2015–16, 34 300, nr. 2", "kst-34300-2")]
    [InlineData("Kamerstukken ll 2023/24, 36 410 XVI, nr. 160", "kst-36410-XVI-160")]
    [InlineData("Kamerstukken II, 2023/2024, 31 839, nr 874", "kst-31839-874")]
    [InlineData("Kamerstukken Tweede Kamer 2021/22, 36 045, nr. 1", "kst-36045-1")]
    [InlineData("Kamerstukken TK 2021/22, 36 045, nr. 1", "kst-36045-1")]
    [InlineData("Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424", "kst-26485-424")]
    [InlineData("Kst. 36 045, nr. 121", "kst-36045-121")]
    // Dossier grouping and suffixes.
    [InlineData("Kamerstuk 36045, nr. 121", "kst-36045-121")]
    [InlineData("Kamerstuk 36\u00a0045, nr.\u00a0121", "kst-36045-121")]
    [InlineData("Kamerstuk 35.845, nr. 3", "kst-35845-3")]
    [InlineData("Kamerstuk 21 501-02, nr. 2586", "kst-21501-02-2586")]
    [InlineData("Kamerstuk 21 501–02, nr. 2586", "kst-21501-02-2586")]
    [InlineData("Kamerstuk 36 200-V, nr. 14", "kst-36200-V-14")]
    [InlineData("Kamerstuk 36 410 VIII, nr. 7", "kst-36410-VIII-7")]
    [InlineData("Kamerstuk 35 300-XV, nr. 9", "kst-35300-XV-9")]
    [InlineData("Kamerstukken II 2020/21, 22 112 nr. 2953", "kst-22112-2953")]
    // Numbers: lists, ranges, page parts.
    [InlineData("Kamerstuk 21 501-02, Nr. 3", "kst-21501-02-3")]
    [InlineData("Kamerstuk 21 501-02, nrs. 2570 en 2571", "kst-21501-02-2570 kst-21501-02-2571")]
    [InlineData("Kamerstuk 21 501-07, nrs. 1880, 1881 en 1885", "kst-21501-07-1880 kst-21501-07-1881 kst-21501-07-1885")]
    [InlineData("Kamerstuk 36 045, nrs. 60–62", "kst-36045-60 kst-36045-61 kst-36045-62")]
    [InlineData("Kamerstuk 36 045, nrs. 60 t/m 62", "kst-36045-60 kst-36045-61 kst-36045-62")]
    [InlineData("Kamerstuk 36 045, nrs. 1998–2000", "kst-36045-1998 kst-36045-1999 kst-36045-2000")]
    [InlineData("Kamerstuk 36 045, nrs. 2022–2023", "kst-36045-2022 kst-36045-2023")]
    [InlineData("Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA", "kst-25424-679 kst-25424-684 kst-25424-685")]
    [InlineData("Kamerstuk 36 045, nr. 121, p. 3", "kst-36045-121")]
    [InlineData("Kamerstuk 36 045, nr. 121, blz. 4–5", "kst-36045-121")]
    [InlineData("Kamerstuk 35 447, nr. A", "kst-35447-A")]
    // Several dossiers sharing one number; several bodies under one head.
    [InlineData("Kamerstukken 22 054 en 36 045, nr. 374", "kst-22054-374 kst-36045-374")]
    [InlineData("Kamerstukken 27 863 en 21 501-07, nr. 108", "kst-27863-108 kst-21501-07-108")]
    [InlineData("Kamerstukken 36 045, nr. 121 en 36 200-X, nr. 5", "kst-36045-121 kst-36200-X-5")]
    [InlineData("Kamerstukken 36045, nr. 121 en 22054, nr. 5", "kst-36045-121 kst-22054-5")]
    // Lists in one note, parentheses, glued footnote numbers.
    [InlineData("Kamerstuk 36 045, nr. 127; Kamerstuk 36 200-XVII, nr. 30.", "kst-36045-127 kst-36200-XVII-30")]
    [InlineData("Kamerstuk 27 858, nr. 600 en Kamerstuk 22 112, nr. 3480.", "kst-27858-600 kst-22112-3480")]
    [InlineData("Kamerstuk 32 013, nr. 272, Kamerstuk 36 200-IX, nr. 12.", "kst-32013-272 kst-36200-IX-12")]
    [InlineData("de brief over Iran (Kamerstuk 32 623, nr. 301) en", "kst-32623-301")]
    [InlineData("1Kamerstukken II 2022/23, 21 501-32, nr. 1490.", "kst-21501-32-1490")]
    [InlineData("12Kamerstuk 21 501-02, nr. 2575.", "kst-21501-02-2575")]
    [InlineData("Kamer\u00adstuk 21 501-02, nr. 2575.", "kst-21501-02-2575")]
    [InlineData("Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169)", "kst-21501-02-2498")]
    // Handelingen and Aanhangsel.
    [InlineData("Handelingen II 2022/23, nr. 30, item 12", "h-tk-20222023-30-12")]
    [InlineData("Handelingen I 2022/23, nr. 30, item 12", "h-ek-20222023-30-12")]
    [InlineData("Handelingen II 2022/23, nr. 30, items 12 en 13", "h-tk-20222023-30-12 h-tk-20222023-30-13")]
    [InlineData("Handelingen II 2015/16, nr. 30, blz. 4–5", "h-tk-20152016-30")]
    [InlineData("Aanhangsel Handelingen II 2022/23, nr. 512", "ah-tk-20222023-512")]
    [InlineData("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147", "ah-tk-20232024-2147")]
    [InlineData("Aanhangsel van de Handelingen II 2022/23, nr. 512", "ah-tk-20222023-512")]
    [InlineData("Kamerstuk 36 200-V, nr. 14, aangenomen op 1 december 2022 (Handelingen II 2022/23, nr. 30, item 12).", "kst-36200-V-14 h-tk-20222023-30-12")]
    // Compact and identifier forms; official addresses.
    [InlineData("Kamerstuk 36200-XII-60", "kst-36200-XII-60")]
    [InlineData("Kamerstuknummer 36200-XII-60", "kst-36200-XII-60")]
    [InlineData("Kamerstuk 21501-02-2586.", "kst-21501-02-2586")]
    [InlineData("Kamerstuk 31936-1053", "kst-31936-1053")]
    [InlineData("Kamerstuk 36200-A-5", "kst-36200-A-5")]
    [InlineData("Zie Memorie van Toelichting (kst-30552-3).", "kst-30552-3")]
    [InlineData("kst-36450-A en kst-21501-02-2586", "kst-36450-A kst-21501-02-2586")]
    [InlineData("https://zoek.officielebekendmakingen.nl/kst-36045-121.html", "kst-36045-121")]
    [InlineData("Zie https://zoek.officielebekendmakingen.nl/kst-36045-121 voor de brief.", "kst-36045-121")]
    [InlineData("https://zoek.officielebekendmakingen.nl/stb-2023-123.html", "stb-2023-123")]
    [InlineData("https://zoek.officielebekendmakingen.nl/h-tk-20222023-85-5.html", "h-tk-20222023-85-5")]
    [InlineData("https://zoek.officielebekendmakingen.nl/ah-ek-20222023-12.html", "ah-ek-20222023-12")]
    // Missing punctuation and typos in the original.
    [InlineData("Kamerstukken 22 112 nr. 2876", "kst-22112-2876")]
    [InlineData("Kamerstukken 29665, nummers 427, 433 en 435", "kst-29665-427 kst-29665-433 kst-29665-435")]
    [InlineData("Kamerstuk 36 200 XII nr 60", "kst-36200-XII-60")]
    [InlineData("Kamerstukken II 2023–34, 36 200, nr. 5", "kst-36200-5")]
    [InlineData("Kamerstuk 35 570 -VI, nr. 115", "kst-35570-VI-115")]
    [InlineData("Kamerstukken II 2022/23, 36 200, hoofdstuk XII, nr. 60", "kst-36200-XII-60")]
    [InlineData("Kamerstukken II 2022, 36 200, nr. 5", "kst-36200-5")]
    // Eerste Kamer papers numbered by letter.
    [InlineData("Kamerstukken I 2023/24, 36 450, A", "kst-36450-A")]
    [InlineData("Kamerstukken I 2022/23, 36 200 XII, D.", "kst-36200-XII-D")]
    [InlineData("Kamerstukken I 2020/21, 35 570, A en B, p. 3", "kst-35570-A kst-35570-B")]
    // Several citations in one note; later ones without the head, some with their own vergaderjaar.
    [InlineData("Kamerstukken II 2022/23, 36 200-XII, nr. 60; 29 665, nr. 482; 31 936, nr. 1053", "kst-36200-XII-60 kst-29665-482 kst-31936-1053")]
    [InlineData("Kamerstukken II 2021/22, 35 925-XII, nr. 12; 2022/23, 36 200-XII, nr. 60.", "kst-35925-XII-12 kst-36200-XII-60")]
    [InlineData("Kamerstukken II 2022/23, 36 200-XII, nrs. 60 en 62, en 29 665, nr. 482.", "kst-36200-XII-60 kst-36200-XII-62 kst-29665-482")]
    [InlineData("Bijl. Hand. II 1990/91, 21 427, nr. 3", "kst-21427-3")]
    // Official gazettes.
    [InlineData("Stb. 2023, 123", "stb-2023-123")]
    [InlineData("Staatsblad 2023, nr. 123", "stb-2023-123")]
    [InlineData("(Stb. 2021, 178 en 179)", "stb-2021-178 stb-2021-179")]
    [InlineData("Stb. 2019, 123 en 2020, 45", "stb-2019-123 stb-2020-45")]
    [InlineData("Stcrt. 2021, 12345", "stcrt-2021-12345")]
    [InlineData("Staatscourant 2019, nr. 56789", "stcrt-2019-56789")]
    [InlineData("Instellingsbesluit Actal 2011 (Stcrt. 2011, 12119).", "stcrt-2011-12119")]
    [InlineData("Trb. 2022, 45", "trb-2022-45")]
    [InlineData("Tractatenblad 2019, nr. 123", "trb-2019-123")]
    // Handelingen as real letters print them, also a sitting cited by its page label and date.
    [InlineData("Handelingen II 2022/23, 85, item 5", "h-tk-20222023-85-5")]
    [InlineData("Hand. II 2013/14, nr. 42, item 10", "h-tk-20132014-42-10")]
    [InlineData("Handelingen II 2022/23, 85-5-7", "h-tk-20222023-85-5")]
    [InlineData("Handelingen II 2022/23, nr. 85, item 5; nr. 86, item 3", "h-tk-20222023-85-5 h-tk-20222023-86-3")]
    [InlineData("TK 85-5-7, 25 mei 2023 TK", "h-tk-20222023-85-5")]
    [InlineData("EK 30-8-3, 4 juli 2023", "h-ek-20222023-30-8")]
    [InlineData("Handelingen II, 21 september 2023, nr. 2, item 4", "h-tk-20232024-2-4")]
    [InlineData("Handelingen van de Tweede Kamer, vergaderjaar 2021–2022, nr. 98, item 12", "h-tk-20212022-98-12")]
    [InlineData("Aanh. Hand. II 2022/23, nr. 1234", "ah-tk-20222023-1234")]
    public void Parse_PrintedForm_YieldsTheOfficialIds(string text, string ids)
    {
        var references = CitationParser.Parse(text);

        Assert.Equal(ids.Split(' '), references.Select(r => r.Id));
    }

    [Theory]
    [InlineData("Verordening (EU) 2021/241 van het Europees Parlement")]
    [InlineData("Verordening (EU) Nr. 648/2012 van het Europees Parlement en de Raad van 4 juli 2012")]
    [InlineData("tot wijziging van Besluit nr. 716/2009/EG en tot intrekking van Besluit 2009/77/EG")]
    [InlineData("Zie https://zoek.officielebekendmakingen.nl/dossier/36045 voor de brieven.")]
    [InlineData("Zie https://www.rijksoverheid.nl/documenten/kamerstukken/2023/05/12/kst-36045-121 voor de brief.")]
    [InlineData("Zie www.tweedekamer.nl/kamerstukken/36045 nr. 12")]
    [InlineData("Zie nr. 12 van de lijst.")]
    [InlineData("advies van de Raad van State van 21 november 2019, nr. W16.19.0159/II")]
    [InlineData("de Kamerstukken over dit onderwerp, nr. 12")]
    [InlineData("Kamerstuk 36 045 wordt later aangevuld.")]
    [InlineData("Handelingen II, nr. 30, item 12")]
    [InlineData("Tweede Kamer 36 045, nr. 3")]
    [InlineData("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 5")]
    // A year or a date is never a dossier; a gazette year alone is no publication.
    [InlineData("Kamerstuk 2023, nr. 5")]
    [InlineData("Kamerstukken 2023-07-14, nr. 5")]
    [InlineData("Kamerstukken 2023–34, nr. 5")]
    [InlineData("Kamerstukken II 2023–34, nr. 5")]
    [InlineData("Stb. 2023")]
    [InlineData("Stb. 2023, p. 4")]
    [InlineData("Het Staatsblad van 2023 bevat meer besluiten dan dat van 2022.")]
    // Truly ambiguous or unformable: no reference rather than a wrong one.
    [InlineData("Kamerstuk 21501-02")]
    [InlineData("Kamerstuk 36200-XII")]
    [InlineData("Kamerstuk 36200-A")]
    [InlineData("Kamerstukken I 2019/20, 35 300, V")]
    [InlineData("Kamerstuk 36 450, U heeft gelijk.")]
    [InlineData("Kamerstukken II 2022/23, 36 200, A")]
    [InlineData("Tweede Kamer, vergaderjaar 2022–2023, 36 200, B.")]
    [InlineData("aan de hand 2022/23, nr. 5, item 3")]
    [InlineData("in de hand, nr. 5, item 3 van 25 mei 2023")]
    [InlineData("Handelingen II 2008/09, blz. 3485")]
    [InlineData("Handelingen II 2008/09, 3485-3497")]
    [InlineData("Handelingen II 2023–34, nr. 5, item 3")]
    [InlineData("TK 85-5-7")]
    public void Parse_NotACitation_FindsNothing(string text)
    {
        Assert.Empty(CitationParser.Parse(text));
    }

    [Theory]
    [InlineData("Kamerstuk 36 045, nr. 12 en EU-beleid.")]
    [InlineData("Kamerstuk 36 045, nr. 12 en 4 november 2022.")]
    [InlineData("Kamerstuk 36 045, nr. 12, 13 procent van de gevallen.")]
    public void Parse_WordsAfterTheNumberList_AreNotNumbers(string text)
    {
        var reference = Assert.Single(CitationParser.Parse(text));

        Assert.Equal("kst-36045-12", reference.Id);
    }

    [Fact]
    public void Parse_TrailingDate_DatesTheReferenceAndItsSiblings()
    {
        var references = CitationParser.Parse(
            "Zie Kamerstukken 22 054 en 36 045, nr. 374 van 4 november 2022, Kamerstuk 36 045, nr. 121 en Kamerstuk 28 676, nr. 418, d.d. 30 september 2022.");

        Assert.Equal(
            ["kst-22054-374 2022-11-04", "kst-36045-374 2022-11-04", "kst-36045-121 -", "kst-28676-418 2022-09-30"],
            references.Select(r => $"{r.Id} {r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));
    }

    [Fact]
    public void Parse_DateNotIntroducedByVan_IsNotTheCitationsDate()
    {
        var reference = Assert.Single(CitationParser.Parse("Kamerstuk 36 200-V, nr. 14, aangenomen op 1 december 2022."));

        Assert.Null(reference.Date);
    }

    [Fact]
    public void Parse_FullCitation_FillsEveryField()
    {
        var reference = Assert.Single(CitationParser.Parse("Zie 3Kamerstukken II 2022/23, 21 501-02, nr. 2586 van 18 november 2022.", "3"));

        Assert.Equal(
            new Reference(ReferenceKind.Kamerstuk, "21501-02", "2586", "2022-2023", null, new DateOnly(2022, 11, 18), "kst-21501-02-2586",
                "Kamerstukken II 2022/23, 21 501-02, nr. 2586 van 18 november 2022", "3"),
            reference);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-21501-02-2586", reference.Url);
    }

    [Fact]
    public void Parse_Handelingen_FillsSessionNumberAndItem()
    {
        var reference = Assert.Single(CitationParser.Parse("(Handelingen II 2022/23, nr. 30, item 12)."));

        Assert.Equal(
            new Reference(ReferenceKind.Handelingen, null, "30", "2022-2023", "12", null, "h-tk-20222023-30-12", "Handelingen II 2022/23, nr. 30, item 12"),
            reference);
    }

    [Fact]
    public void Parse_SharedNumber_EveryReferenceCarriesTheWholeCitationText()
    {
        var references = CitationParser.Parse("Kamerstukken 22 054 en 36 045, nr. 374.");

        Assert.All(references, r => Assert.Equal("Kamerstukken 22 054 en 36 045, nr. 374", r.Text));
    }

    [Fact]
    public void Parse_VeryLongCitation_ReadsEveryBodyWithoutDeepRecursion()
    {
        // One head with 20 000 bodies: a reader that recursed per body would overflow the stack.
        var text = "Kamerstukken " + string.Join(" en ", Enumerable.Range(20000, 20000).Select(d => $"{d}, nrs. 1, 2 en 3"));

        var references = CitationParser.Parse(text);

        Assert.Equal(60000, references.Count);
        Assert.Equal("kst-39999-3", references[^1].Id);
    }

    [Fact]
    public void Parse_ThousandsOfHandelingenHeadsWithoutAVergaderjaar_FindNothingQuickly()
    {
        // Each head without a vergaderjaar reads one number, not the whole list, before finding none: linear, not 20 000 × 20 000.
        var text = string.Concat(Enumerable.Repeat("Handelingen ", 20000)) + "nr. " + string.Join(", ", Enumerable.Range(1, 20000)) + " en 1";

        Assert.Empty(CitationParser.Parse(text));
    }

    [Fact]
    public void Parse_ThousandsOfNumbersInOneCitation_ReadsThemAllAndCutsTheSharedText()
    {
        var text = "Kamerstuk 36045, nrs. " + string.Join(" en ", Enumerable.Range(0, 20000).Select(i => 1000 + (i % 9000)));

        var references = CitationParser.Parse(text);

        Assert.Equal(20000, references.Count);
        Assert.All(references, r => Assert.Equal(501, r.Text.Length));
        Assert.EndsWith("…", references[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Gazette_FillsKindYearNumberIdAndUrl()
    {
        var reference = Assert.Single(CitationParser.Parse("Zie het besluit (Staatsblad 2023, nr. 123)."));

        Assert.Equal((ReferenceKind.Staatsblad, 2023, "123", null, null), (reference.Kind, reference.Year!.Value, reference.Number, reference.Dossier, reference.Vergaderjaar));
        Assert.Equal("stb-2023-123", reference.Id);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/stb-2023-123", reference.Url);
        Assert.Equal("Staatsblad 2023, nr. 123", reference.Text);
    }

    [Theory]
    [InlineData("Stcrt. 2021, 12345", ReferenceKind.Staatscourant, 2021)]
    [InlineData("Trb. 2022, 45", ReferenceKind.Tractatenblad, 2022)]
    [InlineData("https://zoek.officielebekendmakingen.nl/stb-1998-396.html", ReferenceKind.Staatsblad, 1998)]
    [InlineData("Kamerstuk 36 045, nr. 121", ReferenceKind.Kamerstuk, null)]
    public void Parse_Reference_HasAYearOnlyForGazettes(string text, ReferenceKind kind, int? year)
    {
        var reference = Assert.Single(CitationParser.Parse(text));

        Assert.Equal((kind, year), (reference.Kind, reference.Year));
    }

    [Fact]
    public void Parse_SittingWithADate_TakesItsVergaderjaarAndDateFromIt()
    {
        var reference = Assert.Single(CitationParser.Parse("TK 85-5-7, 25 mei 2023"));

        Assert.Equal(
            new Reference(ReferenceKind.Handelingen, null, "85", "2022-2023", "5", new DateOnly(2023, 5, 25), "h-tk-20222023-85-5", "TK 85-5-7, 25 mei 2023"),
            reference);
    }

    [Fact]
    public void Parse_WrongVergaderjaar_IsLeftOutWithAWarningAndNeverADossier()
    {
        var warnings = new List<string>();

        var reference = Assert.Single(CitationParser.Parse("Kamerstukken II 2023–34, 36 200, nr. 5", null, warnings));

        Assert.Equal(("36200", null), (reference.Dossier, reference.Vergaderjaar));
        Assert.Contains("2023–34", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kamerstukken II 1999/00, 26 800, nr. 1", "1999-2000")]
    [InlineData("Kamerstukken II 2022/2023, 36 045, nr. 1", "2022-2023")]
    [InlineData("Kamerstukken II 2015–16, 34 300, nr. 2", "2015-2016")]
    [InlineData("Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4", "2019-2020")]
    [InlineData("Kamerstuk 36 045, nr. 121", null)]
    public void Parse_Vergaderjaar_IsNormalisedToFullYears(string text, string? vergaderjaar)
    {
        var reference = Assert.Single(CitationParser.Parse(text));

        Assert.Equal(vergaderjaar, reference.Vergaderjaar);
    }
}
