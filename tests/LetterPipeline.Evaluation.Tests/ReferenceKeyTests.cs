using LetterPipeline.Core.Model;

namespace LetterPipeline.Evaluation.Tests;

public sealed class ReferenceKeyTests
{
    private static ReferenceKey Gold(string? kind = null, string? dossier = null, string? number = null, string? vergaderjaar = null, string? item = null) =>
        ReferenceKey.Of(new GoldReference(kind, dossier, number, vergaderjaar, item, null));

    [Fact]
    public void Of_KamerstukWrittenDifferently_GivesTheSameKey()
    {
        Assert.Equal(Gold(dossier: "36200-VII", number: "5"), Gold(kind: "Kamerstuk", dossier: "36 200-vii", number: " 5 "));
    }

    [Fact]
    public void Of_HandelingenVergaderjaar_KeepsOnlyItsDigits()
    {
        Assert.Equal(
            Gold("handelingen", vergaderjaar: "2022-2023", number: "30", item: "12"),
            Gold("HANDELINGEN", vergaderjaar: "2022–2023", number: "30", item: "12"));
    }

    [Fact]
    public void Of_HandelingenAndKamerstukWithSameNumbers_Differ()
    {
        Assert.NotEqual(Gold("handelingen", vergaderjaar: "", number: "30"), Gold(dossier: "", number: "30"));
    }

    [Fact]
    public void Of_OutputReference_EqualsTheGoldReferenceItPoints()
    {
        var kamerstuk = new Reference(ReferenceKind.Kamerstuk, "21501-02", "2586", null, null, null, "kst-21501-02-2586", "Kamerstuk 21 501-02, nr. 2586");
        var handelingen = new Reference(ReferenceKind.Handelingen, null, "30", "2022-2023", "12", null, "h-tk-20222023-30-12", "Handelingen II 2022/23, nr. 30, item 12");

        Assert.Equal(Gold("kamerstuk", "21 501-02", "2586"), ReferenceKey.Of(kamerstuk));
        Assert.Equal(Gold("handelingen", number: "30", vergaderjaar: "2022/2023", item: "12"), ReferenceKey.Of(handelingen));
    }
}
