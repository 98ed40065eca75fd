using System.Globalization;
using CsCheck;
using LetterPipeline.Core.Citations;

namespace LetterPipeline.Core.Tests.Citations;

/// <summary>
/// Generates citations in every printed form the issue lists, from random dossiers, numbers,
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
            Gen.Int[0, 4],
            Gen.Select(Gen.Bool, Session, (printed, session) => printed ? session : ((string, string)?)null),
            Dossier.Array[1, 2],
            Numbers,
            Gen.Int[0, 2],
            Date,
            Gen.Int[0, 1],
            (head, kamer, session, dossiers, numbers, pages, date, dateStyle) =>
            {
                var kamerText = kamer switch { 0 => "", 1 => " II", 2 => " ll", 3 => " I", _ => " Tweede Kamer" };
                var headText = head switch { 0 => "Kamerstuk", 1 => "Kamerstukken", 2 => "Kst.", 3 => "kamerstukken", _ => "Tweede Kamer," };
                string text;
                if (head == 4)
                {
                    // "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424" needs its vergaderjaar.
                    session ??= ("2022–2023", "2022-2023");
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

    private static readonly Gen<Printed> Handelingen =
        Gen.Select(Gen.Int[0, 3], Gen.Bool, Session, Gen.Int[1, 120], Gen.Select(Gen.Bool, Gen.Int[1, 30], (has, item) => has ? item : (int?)null), Gen.Bool,
            (kamer, vergaderjaarWord, session, number, item, comma) =>
            {
                var (kamerText, code) = kamer switch { 0 => ("", "tk"), 1 => (" II", "tk"), 2 => (" ll", "tk"), _ => (" I", "ek") };
                var text = $"Handelingen{kamerText}{(comma ? ", " : " ")}{(vergaderjaarWord ? "vergaderjaar " : "")}{session.Printed}, nr. {number}";
                text += item is { } i ? $", item {i}" : ", blz. 4\u20135";
                var digits = session.Normalised.Replace("-", "", StringComparison.Ordinal);
                var id = $"h-{code}-{digits}-{number}" + (item is { } it ? $"-{it}" : "");
                return new Printed(text, [new Expected(id, session.Normalised, null)]);
            });

    private static readonly Gen<Printed> Aanhangsel =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Session, Gen.Int[1, 3999], (kamer, vergaderjaarWord, session, number) =>
        {
            var (kamerText, code) = kamer switch { 0 => ("", "tk"), 1 => (" II", "tk"), _ => (" I", "ek") };
            var text = $"Aanhangsel Handelingen{kamerText}, {(vergaderjaarWord ? "vergaderjaar " : "")}{session.Printed}, nr. {number}";
            var digits = session.Normalised.Replace("-", "", StringComparison.Ordinal);
            return new Printed(text, [new Expected($"ah-{code}-{digits}-{number}", session.Normalised, null)]);
        });

    private static readonly Gen<Printed> AnyCitation = Gen.Frequency((4, Kamerstuk), (1, Handelingen), (1, Aanhangsel));

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
                "https://zoek.officielebekendmakingen.nl/kst-36045-121", "www.tweedekamer.nl/kamerstukken/36045", "van", "4 november 2022",
                "II", "ll", "2022/23", "2015–16", ",", ";", "(", ")", "item", "Kamer", "de", "brief", "en", "blz.", "p.", "d.d.", "vergaderjaar")
            .Array[1, 25]
            .Select(words => string.Join(" ", words));

    [Fact]
    public void Parse_TextWithoutACitationHead_FindsNothing()
    {
        Noise.Sample(text => Assert.Empty(CitationParser.Parse(text)), iter: 3000);
    }

    private static string Roman(int n)
    {
        string[] tens = ["", "X", "XX", "XXX"];
        string[] units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return tens[n / 10] + units[n % 10];
    }
}
