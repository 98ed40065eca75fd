using LetterPipeline.Core.Model;
using LetterPipeline.Core.Writing.Word;
using static LetterPipeline.Core.Tests.Writing.Support.SampleLetters;

namespace LetterPipeline.Core.Tests.Writing;

public sealed class CitationLinksTests
{
    private static string[] Linked(string text, params Reference[] references) =>
        CitationLinks.Place(text, references).Select(l => $"{text[l.Start..l.End]} -> {l.Reference.Id}").ToArray();

    [Fact]
    public void Place_OneReference_LinksItsWholeCitation()
    {
        var reference = Kamerstuk("22112", "3520", "Kamerstuk 22 112, nr. 3520", "3");

        Assert.Equal(["Kamerstuk 22 112, nr. 3520 -> kst-22112-3520"], Linked("Kamerstuk 22 112, nr. 3520.", reference));
    }

    [Fact]
    public void Place_SameCitationTwice_LinksBothOccurrences()
    {
        const string text = "Kamerstuk 36 045, nr. 1; zie ook Kamerstuk 36 045, nr. 1.";
        var reference = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");

        Assert.Equal([0, 33], CitationLinks.Place(text, [reference, reference]).Select(l => l.Start));
    }

    [Fact]
    public void Place_ReferencesOutOfTextOrder_ReturnsThemInTextOrder()
    {
        const string text = "Kamerstuk 36 045, nr. 1 en Kamerstuk 21 501-02, nr. 7.";
        var first = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");
        var second = Kamerstuk("21501-02", "7", "Kamerstuk 21 501-02, nr. 7", "1");

        Assert.Equal(["Kamerstuk 36 045, nr. 1 -> kst-36045-1", "Kamerstuk 21 501-02, nr. 7 -> kst-21501-02-7"], Linked(text, second, first));
    }

    [Fact]
    public void Place_OverlappingOrMissingText_IsSkipped()
    {
        var whole = Kamerstuk("36045", "12", "Kamerstuk 36 045, nr. 12", "1");
        var part = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");
        var absent = Kamerstuk("36045", "3", "Kamerstuk 36 045, nr. 3", "1");

        Assert.Equal(["Kamerstuk 36 045, nr. 12 -> kst-36045-12"], Linked("Kamerstuk 36 045, nr. 12.", whole, part, absent));
    }

    [Fact]
    public void Place_SeveralNumbersInOneCitation_LinksEachNumber()
    {
        const string printed = "Kamerstuk 21 501-07, nrs. 1880, 1881 en 1885";
        var references = new[] { "1880", "1881", "1885" }.Select(n => Kamerstuk("21501-07", n, printed, "4")).ToArray();

        Assert.Equal(
            ["Kamerstuk 21 501-07, nrs. 1880 -> kst-21501-07-1880", "1881 -> kst-21501-07-1881", "1885 -> kst-21501-07-1885"],
            Linked(printed + ".", references));
    }

    [Fact]
    public void Place_SeveralDossiersSharingANumber_LinksEachDossier()
    {
        const string printed = "Kamerstukken 27 863 en 21 501-07, nr. 108 van 19 oktober 2022";
        var references = new[] { Kamerstuk("27863", "108", printed, "2"), Kamerstuk("21501-07", "108", printed, "2") };

        Assert.Equal(
            ["Kamerstukken 27 863 -> kst-27863-108", "21 501-07, nr. 108 van 19 oktober 2022 -> kst-21501-07-108"],
            Linked(printed + ".", references));
    }

    [Fact]
    public void Place_RangeWithUnprintedMiddle_LinksThePrintedEnds()
    {
        const string printed = "Kamerstuk 36 045, nrs. 60–62";
        var references = new[] { "60", "61", "62" }.Select(n => Kamerstuk("36045", n, printed, "1")).ToArray();

        Assert.Equal(["Kamerstuk 36 045, nrs. 60 -> kst-36045-60", "62 -> kst-36045-62"], Linked(printed, references));
    }

    [Fact]
    public void Place_RomanSuffixes_DoNotMatchALongerSuffix()
    {
        const string printed = "Kamerstukken 36 200-VI en 36 200-V, nr. 5";
        var references = new[] { Kamerstuk("36200-V", "5", printed, "1"), Kamerstuk("36200-VI", "5", printed, "1") };

        Assert.Equal(["Kamerstukken 36 200-VI -> kst-36200-VI-5", "36 200-V, nr. 5 -> kst-36200-V-5"], Linked(printed, references));
    }
}
