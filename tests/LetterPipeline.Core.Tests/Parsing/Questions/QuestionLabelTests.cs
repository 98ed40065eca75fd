using LetterPipeline.Core.Parsing.Questions;

namespace LetterPipeline.Core.Tests.Parsing.Questions;

public sealed class QuestionLabelTests
{
    [Theory]
    [InlineData("Vraag 1", true, new[] { "1" })]
    [InlineData("Vraag 2 en 3", true, new[] { "2", "3" })]
    [InlineData("Vraag 3, 4 en 5", true, new[] { "3", "4", "5" })]
    [InlineData("Vragen 4 t/m 6", true, new[] { "4", "5", "6" })]
    [InlineData("Antwoord 5 en 6", false, new[] { "5", "6" })]
    [InlineData("Antwoord op vraag 2:", false, new[] { "2" })]
    [InlineData("Antwoord", false, new string[0])]
    [InlineData("Mededeling", false, new string[0])]
    public void Match_WholeLineLabel_GivesKindAndNumbers(string line, bool isQuestion, string[] numbers)
    {
        var label = QuestionLabel.Match(line);

        Assert.NotNull(label);
        Assert.Equal(isQuestion, label.IsQuestion);
        Assert.Equal(numbers, label.Numbers);
        Assert.True(QuestionLabel.IsWholeLine(line));
    }

    [Fact]
    public void Match_RunInLabelWithColon_IsALabelOpeningTheLine()
    {
        var label = QuestionLabel.Match("Vraag 1: Kent u het bericht?");

        Assert.Equal(["1"], label?.Numbers);
        Assert.Equal("Kent u het bericht?", "Vraag 1: Kent u het bericht?"[label!.Length..].Trim());
    }

    [Theory]
    [InlineData("Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport)")]
    [InlineData("Mededeling van Minister De Jonge (Binnenlandse Zaken en")]
    [InlineData("Vraag 3 gaat over de kosten van het project")]
    [InlineData("Vragen van het lid Bouwmeester (PvdA) aan de Minister")]
    public void Match_HeaderOrRunningText_IsNoLabel(string line) => Assert.Null(QuestionLabel.Match(line));

    [Theory]
    [InlineData("Vraag 2 en 3 Herinnert u zich uw uitspraken?", 12)]
    [InlineData("Antwoord 1 Ja.", 10)]
    [InlineData("Mededeling De schriftelijke vragen zijn beantwoord.", 10)]
    [InlineData("Antwoord van Minister Schippers (ontvangen 26 november 2014).", 0)]
    [InlineData("Vraagstukken rond het draagmoederschap", 0)]
    public void OpeningLength_ParagraphOpeningWithALabel_IsTheLabelsLength(string paragraph, int length) =>
        Assert.Equal(length, QuestionLabel.OpeningLength(paragraph));
}
