namespace LetterPipeline.Evaluation.Tests;

public sealed class TextNormaliserTests
{
    [Fact]
    public void Norm_DecomposedAccentsAndCurlyQuotes_ComposesAndStraightens()
    {
        Assert.Equal("Oekraïne 's-Gravenhage", TextNormaliser.Norm("Oekrai\u0308ne \u2018s-Gravenhage"));
    }

    [Fact]
    public void Norm_MixedWhiteSpace_CollapsesToSingleSpacesAndTrims()
    {
        // U+001F is white space to the reference's \s but not to char.IsWhiteSpace.
        Assert.Equal("a b c d", TextNormaliser.Norm(" a\u00a0\u00a0b\n\tc\u001fd \u2003"));
    }

    [Fact]
    public void Norm_NullOrEmpty_IsEmpty()
    {
        Assert.Equal("", TextNormaliser.Norm(null));
        Assert.Equal("", TextNormaliser.Norm(""));
    }

    [Fact]
    public void Words_BlankText_HasNoWords()
    {
        Assert.Empty(TextNormaliser.Words(" \n "));
        Assert.Equal(["De", "NAVO-bondgenoten."], TextNormaliser.Words("De\nNAVO-bondgenoten. "));
    }

    [Fact]
    public void Loose_CaseQuotesAndTrailingPunctuation_DoNotMatter()
    {
        Assert.Equal(TextNormaliser.Loose("Verzamelbrief “luchtvaart” 2023."), TextNormaliser.Loose(" VERZAMELBRIEF  'Luchtvaart' 2023:"));
        Assert.Equal("verzamelbrief luchtvaart 2023", TextNormaliser.Loose("Verzamelbrief «luchtvaart» 2023."));
    }

    [Fact]
    public void Loose_InnerPunctuation_Stays()
    {
        Assert.NotEqual(TextNormaliser.Loose("1. Inleiding"), TextNormaliser.Loose("1 Inleiding"));
    }

    [Fact]
    public void Length_CountsCodePoints()
    {
        Assert.Equal(3, TextNormaliser.Length("a\U0001D11Eb"));
    }
}
