using LetterPipeline.Core.Parsing.Questions;

namespace LetterPipeline.Core.Tests.Parsing.Questions;

public sealed class QuestionHeaderTests
{
    [Fact]
    public void Read_AanhangselHeader_GivesAllFields()
    {
        var header = QuestionHeader.Read("Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de Staatssecretaris van Financiën " +
            "en de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking over exportkredietverzekeringen voor de baggersector " +
            "(ingezonden 4 april 2024). Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens " +
            "de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking (ontvangen 21 mei 2024).");

        Assert.NotNull(header);
        Assert.Equal(["Hirsch (GroenLinks-PvdA)", "Teunissen (PvdA)"], header.AskedBy);
        Assert.Equal(["Staatssecretaris van Financiën", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"], header.AddressedTo);
        Assert.Equal("exportkredietverzekeringen voor de baggersector", header.Subject);
        Assert.Equal(new DateOnly(2024, 4, 4), header.Submitted);
        Assert.Equal("Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", header.AnsweredBy);
        Assert.Equal(new DateOnly(2024, 5, 21), header.Received);
    }

    [Fact]
    public void Members_SharedParty_GoesToEachName() =>
        Assert.Equal(["Van Weyenberg (D66)", "Romke de Jong (D66)", "Kat (D66)"], QuestionHeader.Members("Van Weyenberg, Romke de Jong en Kat (allen D66)"));

    [Theory]
    [InlineData("de Ministers van Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid",
        new[] { "Minister van Binnenlandse Zaken en Koninkrijksrelaties", "Minister van Justitie en Veiligheid" })]
    [InlineData("de Staatssecretaris en de Minister van Volksgezondheid, Welzijn en Sport",
        new[] { "Staatssecretaris van Volksgezondheid, Welzijn en Sport", "Minister van Volksgezondheid, Welzijn en Sport" })]
    [InlineData("de Minister van Landbouw, Natuur en Voedselkwaliteit", new[] { "Minister van Landbouw, Natuur en Voedselkwaliteit" })]
    public void Offices_AsPrinted_AreSplitAndCompleted(string printed, string[] offices) =>
        Assert.Equal(offices, QuestionHeader.Offices(printed));

    [Fact]
    public void Read_DoubledOntvangen_StillGivesTheDate()
    {
        var header = QuestionHeader.Read("Vragen van het lid Sneller (D66) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over " +
            "juridische analyses (ingezonden 30 mei 2024). Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) " +
            "(ontvangen (ontvangen 7 juni 2024).");

        Assert.Equal("Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties)", header?.AnsweredBy);
        Assert.Equal(new DateOnly(2024, 6, 7), header?.Received);
    }

    [Fact]
    public void Read_NoMembersNamed_IsNull() =>
        Assert.Null(QuestionHeader.Read("Graag ga ik in op de vragen van de leden van de fracties van VVD en CDA over het wetsvoorstel."));
}
