using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Tests.Writing.Support;

/// <summary>Hand-built letters for the Word writer tests: Dutch text, markers, lists and references.</summary>
internal static class SampleLetters
{
    public static Reference Kamerstuk(string dossier, string number, string text, string footnote) =>
        new(ReferenceKind.Kamerstuk, dossier, number, null, null, null, $"kst-{dossier}-{number}", text, footnote);

    public static Footnote Note(string number, string text, params Reference[] references) => new(number, text, 1, references);

    public static Paragraph Text(string text, params (string Number, int Offset)[] markers) =>
        new(text, markers.Select(m => new FootnoteMarker(m.Number, m.Offset)).ToArray(), false);

    public static Paragraph Item(string text, params (string Number, int Offset)[] markers) =>
        new(text, markers.Select(m => new FootnoteMarker(m.Number, m.Offset)).ToArray(), true);

    /// <summary>A letter; with <paramref name="kamerstuk"/>, a Kamerstuk print with that identity, as the parser gives one.</summary>
    public static Letter Create(string? title, IReadOnlyList<Section> sections, IReadOnlyList<Footnote> footnotes, LetterIdentity? kamerstuk = null) =>
        new(new SourceInfo("test.pdf", new string('0', 64), 1), title, kamerstuk, kamerstuk?.Date, sections, footnotes, footnotes.SelectMany(f => f.References).ToArray(),
            kamerstuk is null ? LetterKind.Other : LetterKind.Kamerstuk, kamerstuk?.Id);

    /// <summary>A progress letter on Ukraine: intro without heading, three heading levels, a list, six footnotes.</summary>
    public static Letter Voortgang()
    {
        const string intro = "Met deze brief informeert het kabinet uw Kamer over de stand van zaken van de Nederlandse steun aan Oekraïne.";
        const string militair = "Nederland heeft in januari een Patriot-luchtverdedigingssysteem toegezegd. Daarnaast levert Nederland munitie.";
        const string geld = "Het kabinet heeft in 2022 ruim € 400 miljoen aan financiële steun verleend, onder meer via de Wereldbank & het IMF.";
        var r1a = Kamerstuk("36045", "130", "Kamerstuk 36 045, nr. 130", "1");
        var r3a = Kamerstuk("21501-02", "2586", "Kamerstuk 21 501-02, nr. 2586", "3");
        var r3b = Kamerstuk("36200-V", "5", "Kamerstuk 36 200-V, nr. 5", "3");
        var r5 = Kamerstuk("36045", "999", "Kamerstuk 36 045, nr. 999", "5");
        return Create(
            "Voortgangsbrief Nederlandse steun aan Oekraïne",
            [
                new Section(0, null, [Text(intro, ("1", intro.Length))]),
                new Section(1, "1. Militaire steun", [Text(militair, ("2", militair.IndexOf('.', StringComparison.Ordinal) + 1), ("3", militair.Length))]),
                new Section(2, "1.1 Leveringen", [
                    Text("De leveringen omvatten:"),
                    Item("luchtverdediging (Patriot);"),
                    Item("munitie en pantservoertuigen;", ("4", 7)),
                    Item("winteruitrusting."),
                ]),
                new Section(3, "1.1.1 Training", [Text("Circa 250 militairen zijn betrokken bij de training.")]),
                new Section(1, "2. Financiële en humanitaire steun", [Text(geld, ("5", 0), ("6", geld.Length))]),
            ],
            [
                Note("1", "Kamerstuk 36 045, nr. 130 van 9 december 2022.", r1a),
                Note("2", "Zie ook de brief van 12 januari 2023 over \"luchtverdediging\" <vertrouwelijk>."),
                Note("3", "Kamerstuk 21 501-02, nr. 2586 en Kamerstuk 36 200-V, nr. 5.", r3a, r3b),
                Note("4", "Waaronder 155mm-artilleriegranaten."),
                // The printed citation text differs from the footnote text, so there is nothing to link.
                Note("5", "Kamerstukken 36 045, nr. 999.", r5),
                Note("6", "Bron: Ministerie van Financiën, 2023."),
            ],
            new LetterIdentity("36045", "140", "2022–2023", new DateOnly(2023, 2, 14)));
    }

    private static readonly string[] Towns =
    [
        "Amsterdam", "Rotterdam", "Utrecht", "Groningen", "Eindhoven", "Tilburg", "Almere", "Breda", "Nijmegen",
        "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zaanstad", "Leiden", "Zwolle", "Maastricht",
        "Dordrecht", "Delft", "Alkmaar", "Venlo", "Deventer", "Helmond",
    ];

    /// <summary>
    /// A letter of about three printed pages with a footnote in every other paragraph, so footnotes land on
    /// several pages and some markers sit near page ends. Each paragraph names its own town, which makes the
    /// text before each marker unique.
    /// </summary>
    public static Letter Long()
    {
        const string filler = "Het kabinet heeft de afgelopen maanden met gemeenten, provincies en waterschappen overlegd over de " +
            "uitvoering van de afspraken. Daarbij is gebleken dat de capaciteit bij uitvoeringsorganisaties beperkt is en dat " +
            "de financiering voor meerdere jaren zekerheid moet bieden. Het kabinet neemt deze signalen serieus en werkt samen " +
            "met de betrokken partijen aan een werkbare planning voor de komende jaren.";
        var sections = new List<Section>();
        var footnotes = new List<Footnote>();
        var headings = new[] { (1, "1. Aanleiding"), (2, "1.1 Uitvoering in de regio"), (3, "1.1.1 Gemeenten"), (1, "2. Financiën"), (2, "2.1 Meerjarige middelen"), (1, "3. Vervolg") };
        var town = 0;
        foreach (var (level, heading) in headings)
        {
            var paragraphs = new List<Paragraph>();
            for (var i = 0; i < 4 && town < Towns.Length; i++, town++)
            {
                var sentence = $"De uitvoering loopt volgens plan in {Towns[town]}.";
                var text = $"{sentence} {filler}";
                if (town % 2 == 0)
                {
                    var number = (footnotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var citation = $"Kamerstuk 36 045, nr. {200 + town}";
                    footnotes.Add(Note(number, $"Zie over {Towns[town]} {citation}, en de bijbehorende beantwoording van schriftelijke vragen.",
                        Kamerstuk("36045", (200 + town).ToString(System.Globalization.CultureInfo.InvariantCulture), citation, number)));
                    paragraphs.Add(Text(text, (number, sentence.Length)));
                }
                else
                {
                    paragraphs.Add(Text(text));
                }
            }

            if (level == 2 && heading.StartsWith("2.1", StringComparison.Ordinal))
            {
                paragraphs.Add(Text("De middelen worden verdeeld over drie onderdelen:"));
                paragraphs.Add(Item("capaciteit bij de uitvoeringsorganisaties;"));
                paragraphs.Add(Item("ondersteuning van kleine gemeenten;"));
                paragraphs.Add(Item("monitoring en evaluatie."));
            }

            sections.Add(new Section(level, heading, paragraphs));
        }

        return Create("Voortgang uitvoering regionale afspraken", sections, footnotes, new LetterIdentity("36045", "150", "2022-2023", new DateOnly(2023, 3, 1)));
    }
}
