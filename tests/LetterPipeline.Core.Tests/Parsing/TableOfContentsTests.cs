using LetterPipeline.Core.Tests.Support;

namespace LetterPipeline.Core.Tests.Parsing;

/// <summary>A table of contents is neither headings nor paragraphs; a heading called "Inhoud" over text stays one.</summary>
public sealed class TableOfContentsTests
{
    [Fact]
    public void Parse_ContentsWithPageNumbersAtTheRightEdge_LeavesOnlyTheText()
    {
        var pdf = new TestPdf().Page()
            .Text("Inhoudsopgave", 72, 760, size: 16, isBold: true)
            .Text("1. Inleiding", 72, 730, size: 12).Text("2", 520, 730, size: 12)
            .Text("1.1 Achtergrond", 72, 715).Text("2", 520, 715)
            .Text("2. Procedureverloop verzoek om raadpleging", 72, 700, size: 12).Text("2", 520, 700, size: 12)
            .Page()
            .Text("1. Inleiding", 72, 760, size: 12, isBold: true)
            .Lines(740, "Op 7 juli 2020 heeft u een verzoek om voorafgaande raadpleging ingediend bij de",
                "Autoriteit Persoonsgegevens; dit advies beantwoordt dat verzoek en gaat in op de",
                "maatregelen die nodig zijn voordat de verwerking van start kan gaan.");

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal(["1. Inleiding"], letter.Sections.Where(s => s.Heading is not null).Select(s => s.Heading));
        Assert.DoesNotContain(letter.Sections.SelectMany(s => s.Paragraphs), p => p.Text.Contains("Achtergrond", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DotLeaderRowsWithoutHeading_AreContents()
    {
        var pdf = new TestPdf().Page()
            .Text("Gegevensbeschermingseffectbeoordeling", 72, 780, size: 14, isBold: true)
            .Text("Inleiding en definities ............................................ 6", 72, 740)
            .Text("A. Beschrijving kenmerken gegevensverwerkingen ............. 9", 72, 725)
            .Text("1. Voorstel ............................................................. 9", 90, 710)
            .Lines(660, "Nederland wordt, net als de rest van de wereld, geconfronteerd met de uitbraak van",
                "het virus. Het kabinet zet daarom een notificatie-app in naast het bron- en contactonderzoek.");

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        var paragraph = Assert.Single(letter.Sections.SelectMany(s => s.Paragraphs));
        Assert.StartsWith("Nederland wordt", paragraph.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InhoudHeadingOverText_StaysAHeading()
    {
        var pdf = new TestPdf().Page()
            .Text("Geannoteerde agenda Landbouw- en Visserijraad", 72, 780, size: 14, isBold: true)
            .Text("Inhoud", 72, 740, isBold: true)
            .Lines(725, "De Europese Commissie zal de Raad informeren over de marktsituatie in de verschillende",
                "landbouwsectoren. De prijzen van kunstmest en energie blijven hoog.");

        var letter = new LetterParser().Parse(pdf.Build(), "test.pdf", "0").Letter;

        Assert.Equal("Inhoud", Assert.Single(letter.Sections).Heading);
    }
}
