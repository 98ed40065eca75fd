using LetterPipeline.Core.Parsing.Headings;

namespace LetterPipeline.Core.Tests.Parsing.Headings;

public sealed class NumberingSchemeTests
{
    [Theory]
    [InlineData("I. Algemeen deel", "Roman", 1, 1)]
    [InlineData("IV. Consolidatie van plekken", "Roman", 1, 4)]
    [InlineData("1. Inleiding", "Arabic", 1, 1)]
    [InlineData("2.1 Voorgeschiedenis", "Arabic", 2, 1)]
    [InlineData("4.2.1 Eerste fase", "Arabic", 3, 1)]
    [InlineData("10. Bewaartermijnen", "Arabic", 1, 10)]
    [InlineData("B. Beoordeling rechtmatigheid", "UpperLetter", 1, 2)]
    [InlineData("a) Titel voorstel", "LowerLetter", 1, 1)]
    [InlineData("c. Verwerking bijzondere persoonsgegevens", "LowerLetter", 1, 3)]
    [InlineData("Bijlage I samenhangend pakket", "Appendix", 1, 0)]
    [InlineData("BIJLAGE", "Appendix", 1, 0)]
    [InlineData("Bijlage 1: Risico’s en Maatregelen", "Appendix", 1, 0)]
    public void Read_NumberedHeading_GivesSystemDepthAndValue(string heading, string kind, int depth, int value)
    {
        var numbering = NumberingScheme.Read(heading);

        Assert.NotNull(numbering);
        Assert.Equal((kind, depth, value), (numbering.Value.Kind.ToString(), numbering.Value.Depth, numbering.Value.Value));
    }

    [Theory]
    [InlineData("BOEK 2 Rechtspersonen", "Boek")]
    [InlineData("HOOFDSTUK 1 BEGRIPSBEPALINGEN", "Hoofdstuk")]
    [InlineData("Hoofdstuk 2. Werkwijze", "Hoofdstuk")]
    [InlineData("Titel 1.2 Bestuursorganen", "Titel")]
    [InlineData("Afdeling 2.1 Aanwijzing", "Afdeling")]
    [InlineData("§ 3 Toezicht", "Paragraaf")]
    [InlineData("Paragraaf 4.2 Handhaving", "Paragraaf")]
    [InlineData("Artikel 1 Begripsbepalingen", "Artikel")]
    [InlineData("Artikel 1.1.5", "Artikel")]
    [InlineData("ARTIKEL I", "Artikel")]
    [InlineData("Artikel 5, lid 4", "Artikel")]
    public void Read_LegalHeading_GivesItsDivision(string heading, string division)
    {
        var numbering = NumberingScheme.Read(heading);

        Assert.Equal((NumberingKind.Legal, division), (numbering?.Kind, numbering?.Division.ToString()));
    }

    [Theory]
    [InlineData("Inleiding")]
    [InlineData("2023 was een bewogen jaar")]
    [InlineData("C. de Graaf")]
    [InlineData("artikel 3 regelt de bevoegdheid")]
    [InlineData("Titel voorstel")]
    public void Read_UnnumberedHeading_IsNull(string heading) => Assert.Null(NumberingScheme.Read(heading));

    [Theory]
    [InlineData("V. Moment van intrekking", 'V')]
    [InlineData("C. Beschrijving en beoordeling", 'C')]
    [InlineData("I. Algemeen", 'I')]
    public void Read_SingleRomanLetter_IsLeftForTheHeadingsAroundToDecide(string heading, char letter) =>
        Assert.Equal(letter, NumberingScheme.Read(heading)?.AmbiguousLetter);

    [Theory]
    [InlineData("Artikel 3", true)]
    [InlineData("Artikel 5, lid 4", true)]
    [InlineData("HOOFDSTUK 2 WERKWIJZE", true)]
    [InlineData("Artikel 3 vervalt.", false)]
    [InlineData("Artikel 3 van de wet regelt dat de minister een besluit neemt; dat besluit", false)]
    public void IsLegalHeadingLine_WholeLineIsALegalHeading(string line, bool expected) =>
        Assert.Equal(expected, NumberingScheme.IsLegalHeadingLine(line));
}
