using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Tests.Parsing;

public sealed class LineBreakHyphenTests
{
    private static readonly Vocabulary Words = new(["De NAVO-bondgenoten en de Benelux overleggen.", "Europees Comité"]);

    [Theory]
    [InlineData("infra", "structuur", HyphenDecision.Join)]
    [InlineData("Minis", "ters", HyphenDecision.Join)]
    [InlineData("Oekra", "ïense", HyphenDecision.Join)]
    [InlineData("Vigi", "lance", HyphenDecision.Join)]
    [InlineData("NAVO", "bondgenoten", HyphenDecision.KeepHyphen)]
    [InlineData("NAVO", "partners", HyphenDecision.KeepHyphen)]
    [InlineData("Benelux", "landen", HyphenDecision.KeepHyphen)]
    [InlineData("Oost", "en", HyphenDecision.KeepHyphenAndSpace)]
    [InlineData("herstel", "en", HyphenDecision.KeepHyphenAndSpace)]
    [InlineData("1722926-208233", "DICIO", HyphenDecision.KeepHyphen)]
    [InlineData("https://kalikasan.net/regarding-jhed-and", "jonilas", HyphenDecision.KeepHyphen)]
    [InlineData("zee", "eend", HyphenDecision.KeepHyphen)]
    // The expected decision comes in as object: a public test method cannot take the internal enum as its type.
    public void Decide_LineFinalHyphen_FollowsTheDocumentedRule(string left, string right, object expected) =>
        Assert.Equal((HyphenDecision)expected, LineBreakHyphen.Decide(left, right, Words));
}
