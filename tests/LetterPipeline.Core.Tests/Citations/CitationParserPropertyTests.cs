using System.Globalization;
using CsCheck;
using LetterPipeline.Core.Citations;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>
/// Generates citations in every printed form of docs/citations.md, from random dossiers, numbers,
/// vergaderjaren and dates, and checks the parser reads back exactly what was printed.
/// </summary>
public sealed class CitationParserPropertyTests
{
    private static readonly string[] MonthNames =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>What a generated citation must parse to: id, vergaderjaar and date per reference.</summary>
    private sealed record Expected(string Id, string? Vergaderjaar, DateOnly? Date);

    private sealed record Printed(string Text, IReadOnlyList<Expected> References)
    {
        public override string ToString() => Text;
    }

    private static readonly Gen<string> Space = Gen.OneOf(" ", "\u00a0");

    // "2022/23", "2022/2023", "2022-2023", "2015–16", "2015–2016" → "2022-2023"
    private static readonly Gen<(string Printed, string Normalised)> Session =
        Gen.Select(Gen.Int[1990, 2030], Gen.Int[0, 4], (year, style) =>
        {
            var next = year + 1;
            var shortNext = (next % 100).ToString("00", CultureInfo.InvariantCulture);
            var printed = style switch
            {
                0 => $"{year}/{shortNext}",
                1 => $"{year}/{next}",
                2 => $"{year}-{next}",
                3 => $"{year}\u2013{shortNext}",
                _ => $"{year}\u2013{next}",
            };
            return (printed, $"{year}-{next}");
        });

    // A vergaderjaar printed with a typo ("2023–34"): read as the vergaderjaar it was meant to be, so never a dossier, but none is given.
    private static readonly Gen<(string Printed, string? Normalised)> SessionOrTypo =
        Gen.Frequency(
            (4, Session.Select(s => (s.Printed, (string?)s.Normalised))),
            (1, Gen.Select(Gen.Int[1990, 2030], Gen.Int[2, 9], (year, off) =>
                ($"{year}\u2013{((year + off) % 100).ToString("00", CultureInfo.InvariantCulture)}", (string?)null))));

    // "36 045", "36\u00a0045", "36045", "36.045", with a suffix "-02", "-VIII" or " VIII".
    private static readonly Gen<(string Printed, string Normalised)> Dossier =
        Gen.Select(Gen.Int[10000, 39999], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 39], (main, grouping, suffixStyle, suffix) =>
        {
            var digits = main.ToString(CultureInfo.InvariantCulture);
            var printed = grouping switch
            {
                0 => digits[..2] + " " + digits[2..],
                1 => digits[..2] + "\u00a0" + digits[2..],
                2 => digits,
                _ => digits[..2] + "." + digits[2..],
            };
            var (printedSuffix, normalSuffix) = suffixStyle switch
            {
                0 => ("", ""),
                1 => ("-" + suffix.ToString("00", CultureInfo.InvariantCulture), "-" + suffix.ToString("00", CultureInfo.InvariantCulture)),
                2 => ("-" + Roman(suffix), "-" + Roman(suffix)),
                _ => (" " + Roman(suffix), "-" + Roman(suffix)),
            };
            return (printed + printedSuffix, digits + normalSuffix);
        });

    // A fund's begroting printed without its dash, "36 200 A" (only right before its number).
    private static readonly Gen<(string Printed, string Normalised)> FundDossier =
        Gen.Select(Gen.Int[10000, 39999], Gen.Char["ABCJ"], (main, letter) =>
            ($"{main.ToString(CultureInfo.InvariantCulture)[..2]} {main.ToString(CultureInfo.InvariantCulture)[2..]} {letter}", $"{main}-{letter}"));

    // "nr. 12", "Nr. 12", "nr 12", "nrs. 12 en 13", "nrs. 12, 13 en 14", "nrs. 60–62", "nr. 679, nr. 684", "nr. 684, 685 en 686"
    private static readonly Gen<(string Printed, string[] Numbers)> Numbers =
        Gen.Select(Gen.Int[1, 3999].Array[3], Gen.Int[0, 7], Gen.Int[1, 5], Space, (n, style, span, space) =>
        {
            string S(int i) => n[i].ToString(CultureInfo.InvariantCulture);
            return style switch
            {
                0 => ($"nr.{space}{S(0)}", [S(0)]),
                1 => ($"Nr. {S(0)}", [S(0)]),
                2 => ($"nr {S(0)}", [S(0)]),
                3 => ($"nrs. {S(0)} en {S(1)}", [S(0), S(1)]),
                4 => ($"nrs. {S(0)}, {S(1)} en {S(2)}", [S(0), S(1), S(2)]),
                5 => ($"nrs. {S(0)}\u2013{n[0] + span}", Enumerable.Range(n[0], span + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()),
                6 => ($"nr. {S(0)}, nr. {S(1)}", [S(0), S(1)]),
                _ => ($"nr. {S(0)}, {S(1)} en {S(2)}", [S(0), S(1), S(2)]),
            };
        });

    private static readonly Gen<DateOnly?> Date =
        Gen.Select(Gen.Bool, Gen.DateOnly[new DateOnly(1990, 1, 1), new DateOnly(2030, 12, 31)], (dated, date) => dated ? date : (DateOnly?)null);

    private static readonly Gen<Printed> Kamerstuk =
        Gen.Select(
            Gen.Int[0, 4],
            Gen.Int[0, 5],
            Gen.Select(Gen.Bool, SessionOrTypo, (printed, session) => printed ? session : ((string, string?)?)null),
            Gen.Frequency((6, Dossier.Array[1, 2]), (1, FundDossier.Array[1, 1])),
            Numbers,
            Gen.Int[0, 2],
            Date,
            Gen.Int[0, 1],
            (head, kamer, session, dossiers, numbers, pages, date, dateStyle) =>
            {
                var kamerText = kamer switch { 0 => "", 1 => " II", 2 => " ll", 3 => " I", 4 => " Tweede Kamer", _ => " I/II" };
                var headText = head switch { 0 => "Kamerstuk", 1 => "Kamerstukken", 2 => "Kst.", 3 => "kamerstukken", _ => "Tweede Kamer," };
                string text;
                if (head == 4)
                {
                    // "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" needs its vergaderjaar.
                    session ??= ("2022–2023", (string?)"2022-2023");
                    text = $"Tweede Kamer, vergaderjaar {session.Value.Item1}, ";
                }
                else if (session is { } s)
                {
                    // Real letters print "Kamerstukken II2015–16" without the space.
                    var glue = kamer == 1 && s.Item1.Contains('\u2013', StringComparison.Ordinal) ? "" : " ";
                    text = $"{headText}{kamerText}{glue}{(kamer == 4 ? "vergaderjaar " : "")}{s.Item1}, ";
                }
                else
                {
                    text = $"{headText}{kamerText} ";
                }

                text += string.Join(" en ", dossiers.Select(d => d.Printed));
                text += (dossiers.Length == 1 && numbers.Numbers.Length == 1 ? " " : ", ") + numbers.Printed;
                text += pages switch { 0 => "", 1 => ", p. 3", _ => ", blz. 4\u20135" };
                if (date is { } d)
                {
                    var printedDate = $"{d.Day} {MonthNames[d.Month - 1]} {d.Year}";
                    text += dateStyle == 0 ? $" van {printedDate}" : $", d.d. {printedDate}";
                }

                var expected = numbers.Numbers
                    .SelectMany(n => dossiers.Select(dossier => new Expected($"kst-{dossier.Normalised}-{n}", session?.Item2, date)))
                    .ToList();
                return new Printed(text, expected);
            });

    // "Handelingen II 2022/23, nr. 30, item 12", or by the sitting's date: "Handelingen II, vergadering van 25 mei 2023, nr. 85, item 5".
    private static readonly Gen<Printed> Handelingen =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Session, Gen.Int[1, 120], Gen.Select(Gen.Bool, Gen.Int[1, 30], (has, item) => has ? item : (int?)null), Gen.Bool,
            Gen.DateOnly[new DateOnly(1995, 1, 1), new DateOnly(2030, 12, 31)],
            (kamer, when, session, number, item, comma, sitting) =>
            {
                var (kamerText, code) = kamer switch { 0 => ("", "tk"), 1 => (" II", "tk"), 2 => (" ll", "tk"), _ => (" I", "ek") };
                var byDate = when == 2;
                var whenText = byDate ? $"vergadering van {sitting.Day} {MonthNames[sitting.Month - 1]} {sitting.Year}" : (when == 1 ? "vergaderjaar " : "") + session.Printed;
                var text = $"Handelingen{kamerText}{(comma || byDate ? ", " : " ")}{whenText}, nr. {number}";
                text += item is { } i ? $", item {i}" : ", blz. 4\u20135";
                var vergaderjaar = byDate ? ExpectedVergaderjaar(sitting) : session.Normalised;
                var id = $"h-{code}-{vergaderjaar.Replace("-", "", StringComparison.Ordinal)}-{number}" + (item is { } it ? $"-{it}" : "");
                return new Printed(text, [new Expected(id, vergaderjaar, byDate ? sitting : null)]);
            });

    private static readonly Gen<Printed> Aanhangsel =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Session, Gen.Int[1, 3999], (kamer, vergaderjaarWord, session, number) =>
        {
            var (kamerText, code) = kamer switch { 0 => ("", "tk"), 1 => (" II", "tk"), _ => (" I", "ek") };
            var text = $"Aanhangsel Handelingen{kamerText}, {(vergaderjaarWord ? "vergaderjaar " : "")}{session.Printed}, nr. {number}";
            var digits = session.Normalised.Replace("-", "", StringComparison.Ordinal);
            return new Printed(text, [new Expected($"ah-{code}-{digits}-{number}", session.Normalised, null)]);
        });

    private static readonly Gen<string> CapitalLetters =
        Gen.OneOf(Gen.Char["ABCDEFGHJKMNOPQRSTUWYZ"].Select(c => c.ToString()), Gen.Select(Gen.Char["ABCDEFGH"], Gen.Char["ABCDEFGH"], (a, b) => $"{a}{b}"));

    // Kamerstukken printed compactly: "Kamerstuk 36200-XII-60", "Kamerstuknummer 21501-02-2586", "Kamerstuk 31936-1053".
    private static readonly Gen<Printed> Compact =
        Gen.Select(Gen.Int[0, 2], Gen.Int[10000, 39999], Gen.Int[0, 3], Gen.Int[1, 39], Gen.OneOf(Gen.Int[1, 9], Gen.Int[100, 3999]), CapitalLetters,
            (head, main, suffixStyle, suffix, number, letters) =>
            {
                var headText = head switch { 0 => "Kamerstuk", 1 => "Kamerstuknummer", _ => "Kamerstukken II 2022/23," };
                var suffixText = suffixStyle switch
                {
                    0 => "",
                    1 => "-" + suffix.ToString("00", CultureInfo.InvariantCulture),
                    2 => "-" + Roman(suffix),
                    _ => "-" + letters,
                };
                var id = $"kst-{main}{suffixText}-{number}";
                return new Printed($"{headText} {main}{suffixText}-{number}", [new Expected(id, head == 2 ? "2022-2023" : null, null)]);
            });

    // Official ids printed bare, in parentheses or as an official address.
    private static readonly Gen<string> OfficialId =
        Gen.OneOf(
            Gen.Select(Gen.Int[10000, 39999], Gen.Int[1, 3999], (dossier, number) => $"kst-{dossier}-{number}"),
            Gen.Select(Gen.Int[10000, 39999], Gen.Int[1, 39], Gen.Int[1, 3999], (dossier, suffix, number) => $"kst-{dossier}-{Roman(suffix)}-{number}"),
            Gen.Select(Gen.Int[10000, 39999], CapitalLetters, (dossier, letters) => $"kst-{dossier}-{letters}"),
            Gen.Select(Gen.OneOf("tk", "ek"), Gen.Int[1995, 2030], Gen.Int[1, 120], Gen.Int[1, 30], (kamer, year, number, item) => $"h-{kamer}-{year}{year + 1}-{number}-{item}"),
            Gen.Select(Gen.OneOf("tk", "ek"), Gen.Int[1995, 2030], Gen.Int[1, 3999], (kamer, year, number) => $"ah-{kamer}-{year}{year + 1}-{number}"),
            Gen.Select(Gen.OneOf("stb", "stcrt", "trb"), Gen.Int[1995, 2030], Gen.Int[1, 40000], (prefix, year, number) => $"{prefix}-{year}-{number}"));

    private static readonly Gen<Printed> Identifier =
        Gen.Select(OfficialId, Gen.Int[0, 4], (id, style) =>
        {
            var printed = style switch
            {
                0 => id,
                1 => $"https://zoek.officielebekendmakingen.nl/{id}.pdf",
                2 => $"https://zoek.officielebekendmakingen.nl/{id}.html",
                3 => $"https://zoek.officielebekendmakingen.nl/{id}",
                _ => $"{id}.pdf",
            };
            var vergaderjaar = id.Split('-') is [_, _, { Length: 8 } years, ..] ? $"{years[..4]}-{years[4..]}" : null;
            return new Printed(printed, [new Expected(id, vergaderjaar, null)]);
        });

    // Eerste Kamer papers numbered by letter, without "nr": "Kamerstukken I 2023/24, 36 450, A", "…, A en B".
    private static readonly Gen<Printed> Lettered =
        Gen.Select(Session, Dossier, CapitalLetters.Array[1, 2], Gen.Bool, (session, dossier, letters, pages) =>
        {
            var text = $"Kamerstukken I {session.Printed}, {dossier.Printed}, {string.Join(" en ", letters)}" + (pages ? ", p. 3" : "");
            return new Printed(text, letters.Select(l => new Expected($"kst-{dossier.Normalised}-{l}", session.Normalised, null)).ToList());
        });

    // Several citations under one head, later ones without it, some printing their own vergaderjaar.
    private static readonly Gen<Printed> SharedHead =
        Gen.Select(Session, Gen.Select(Gen.Bool, Session, Dossier, Gen.Int[1, 3999], (own, session, dossier, number) => (own, session, dossier, number)).Array[2, 4],
            Gen.OneOf("; ", ", "),
            (first, bodies, separator) =>
            {
                var text = $"Kamerstukken II {first.Printed}";
                var expected = new List<Expected>();
                for (var i = 0; i < bodies.Length; i++)
                {
                    var (own, session, dossier, number) = bodies[i];
                    var printsSession = own && i > 0;
                    text += (i == 0 ? ", " : separator) + (printsSession ? $"{session.Printed}, " : "") + $"{dossier.Printed}, nr. {number}";
                    expected.Add(new Expected($"kst-{dossier.Normalised}-{number}", printsSession ? session.Normalised : first.Normalised, null));
                }

                return new Printed(text, expected);
            });

    // A later number in a gazette's list is never a year: "Stb. 2019, 123 en 2020, 45" cites 2020's number 45 (a stated rule).
    private static readonly Gen<int> GazetteListItem = Gen.Int[1, 40000].Where(n => n is < 1800 or > 2099);

    // "Stb. 2023, 123", "Staatsblad 2023, nr. 123", "Stcrt. 2021, 12345 en 12346", "Trb 2022, 45".
    private static readonly Gen<Printed> Gazette =
        Gen.Select(Gen.Int[0, 8], Gen.Int[1800, 2099], Gen.Int[1, 40000], GazetteListItem.Array[0, 2], Gen.Bool, (name, year, first, rest, nr) =>
        {
            var (printedName, prefix) = name switch
            {
                0 => ("Stb.", "stb"),
                1 => ("Staatsblad", "stb"),
                2 => ("Stb", "stb"),
                3 => ("Stcrt.", "stcrt"),
                4 => ("Staatscourant", "stcrt"),
                5 => ("Stct.", "stcrt"),
                6 => ("Trb.", "trb"),
                7 => ("Tractatenblad", "trb"),
                _ => ("Trb", "trb"),
            };
            int[] numbers = [first, .. rest];
            var list = numbers.Length == 1 ? $"{numbers[0]}" : string.Join(", ", numbers[..^1]) + $" en {numbers[^1]}";
            var text = $"{printedName} {year}, {(nr ? (numbers.Length == 1 ? "nr. " : "nrs. ") : "")}{list}";
            return new Printed(text, numbers.Select(n => new Expected($"{prefix}-{year}-{n}", null, null)).ToList());
        });

    // A sitting by its Handelingen page label: "Handelingen II 2022/23, 85-5-7", "TK 85-5-7, 25 mei 2023".
    private static readonly Gen<Printed> Sitting =
        Gen.Select(Gen.Bool, Gen.Bool, Session, Gen.Int[1, 120], Gen.Int[1, 40], Gen.Int[1, 300], Gen.DateOnly[new DateOnly(1995, 1, 1), new DateOnly(2030, 12, 31)],
            (tk, byDate, session, meeting, item, page, sitting) =>
            {
                var code = tk ? "tk" : "ek";
                if (byDate)
                {
                    var vergaderjaar = ExpectedVergaderjaar(sitting);
                    var text = $"{code.ToUpperInvariant()} {meeting}-{item}-{page}, {sitting.Day} {MonthNames[sitting.Month - 1]} {sitting.Year}";
                    return new Printed(text, [new Expected($"h-{code}-{vergaderjaar.Replace("-", "", StringComparison.Ordinal)}-{meeting}-{item}", vergaderjaar, sitting)]);
                }

                var digits = session.Normalised.Replace("-", "", StringComparison.Ordinal);
                return new Printed($"Handelingen {(tk ? "II" : "I")} {session.Printed}, {meeting}-{item}-{page}", [new Expected($"h-{code}-{digits}-{meeting}-{item}", session.Normalised, null)]);
            });

    private static readonly Gen<Printed> AnyCitation = Gen.Frequency(
        (4, Kamerstuk), (1, Handelingen), (1, Aanhangsel), (1, Compact), (1, Identifier), (1, Lettered), (1, SharedHead), (1, Gazette), (1, Sitting));

    // A footnote: optional glued footnote number, "Zie ", citations joined by "; ", ", " or " en ", some in parentheses.
    private static readonly Gen<Printed> Footnote =
        Gen.Select(AnyCitation.Array[1, 3], Gen.Int[0, 2].Array[3], Gen.Bool.Array[3], Gen.Int[0, 12], Gen.Bool,
            (citations, separators, parenthesised, glued, zie) =>
            {
                var parts = citations.Select((c, i) => parenthesised[i] ? $"de brief ({c.Text})" : c.Text).ToList();
                var text = parts[0];
                for (var i = 1; i < parts.Count; i++)
                {
                    text += separators[i] switch { 0 => "; ", 1 => ", ", _ => " en " } + parts[i];
                }

                text = (glued > 0 ? glued.ToString(CultureInfo.InvariantCulture) : "") + (zie ? "Zie " : "") + text + ".";
                return new Printed(text, citations.SelectMany(c => c.References).ToList());
            });

    [Fact]
    public void Parse_GeneratedFootnote_ReadsBackEveryReferenceInOrder()
    {
        Footnote.Sample(footnote =>
        {
            var references = CitationParser.Parse(footnote.Text, "7");

            Assert.Equal(footnote.References.Select(e => e.Id), references.Select(r => r.Id));
            Assert.Equal(footnote.References.Select(e => e.Vergaderjaar), references.Select(r => r.Vergaderjaar));
            Assert.Equal(footnote.References.Select(e => e.Date), references.Select(r => r.Date));
            Assert.All(references, r => Assert.Equal("7", r.Footnote));
        }, iter: 3000);
    }

    [Fact]
    public void Parse_GeneratedCitation_TextIsThePrintedCitation()
    {
        AnyCitation.Sample(citation =>
        {
            var references = CitationParser.Parse($"Zie ook {citation.Text}. Verder niets.");

            Assert.All(references, r => Assert.Equal(citation.Text, r.Text));
        }, iter: 1000);
    }

    // Numbers, dates, sessions, EU numbers and web addresses without a citation head are never references.
    private static readonly Gen<string> Noise =
        Gen.OneOf("nr.", "nrs.", "Nr.", "12", "2571", "36 045", "21 501-02", "Verordening", "(EU)", "2021/241", "Richtlijn", "2015/849",
                "https://zoek.officielebekendmakingen.nl/dossier/36045", "www.tweedekamer.nl/kamerstukken/36045", "https://example.org/kst-36045-121",
                "van", "4 november 2022", "2023-07-14", "2023–34", "2019-2023", "2023", "85-5-7", "36200-XII-60", "A", "B", "XII", "hoofdstuk", "Staat",
                "II", "ll", "2022/23", "2015–16", ",", ";", "(", ")", "item", "Kamer", "de", "brief", "en", "blz.", "p.", "d.d.", "vergaderjaar")
            .Array[1, 25]
            .Select(words => string.Join(" ", words));

    [Fact]
    public void Parse_TextWithoutACitationHead_FindsNothing()
    {
        Noise.Sample(text => Assert.True(CitationParser.Parse(text).Count == 0, text), iter: 3000);
    }

    // Prinsjesdag, the third Tuesday of September, opens the vergaderjaar: the 15th to the 21st.
    private static string ExpectedVergaderjaar(DateOnly sitting)
    {
        var opening = Enumerable.Range(15, 7).Select(d => new DateOnly(sitting.Year, 9, d)).Single(d => d.DayOfWeek == DayOfWeek.Tuesday);
        var first = sitting < opening ? sitting.Year - 1 : sitting.Year;
        return $"{first}-{first + 1}";
    }

    // A year, two years printed like a vergaderjaar that is none, or a date, where a dossier would stand.
    private static readonly Gen<string> YearOrDate =
        Gen.Select(Gen.Int[0, 4], Gen.DateOnly[new DateOnly(1800, 1, 1), new DateOnly(2099, 12, 31)], Gen.Int[2, 9], (style, d, off) => style switch
        {
            0 => d.Year.ToString(CultureInfo.InvariantCulture),
            1 => $"{d.Year}\u2013{((d.Year + off) % 100).ToString("00", CultureInfo.InvariantCulture)}",
            2 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            3 => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            _ => $"{d.Day} {MonthNames[d.Month - 1]} {d.Year}",
        });

    [Fact]
    public void Parse_YearOrDateWhereADossierWouldStand_IsNeverADossier()
    {
        Gen.Select(Gen.OneOf("Kamerstuk", "Kamerstukken", "Kamerstukken II", "Kst.", "Kamerstuknummer", "Kamerstukken II 2022/23,"), YearOrDate,
                Gen.OneOf(", nr. 5", " nr 12", ", nrs. 3 en 4", "-5", "-XII-60", ", A"))
            .Sample((head, yearOrDate, rest) => Assert.Empty(CitationParser.Parse($"{head} {yearOrDate}{rest}")), iter: 3000);
    }

    private static string Roman(int n)
    {
        string[] tens = ["", "X", "XX", "XXX"];
        string[] units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return tens[n / 10] + units[n % 10];
    }
}
