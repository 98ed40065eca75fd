using LetterPipeline.Core.Writing.Word;
using static LetterPipeline.Core.Tests.Writing.Support.SampleLetters;

namespace LetterPipeline.Core.Tests.Writing;

public sealed class WordFootnotesTests
{
    [Fact]
    public void LinkSpans_SameCitationTwice_LinksBothOccurrences()
    {
        const string text = "Kamerstuk 36 045, nr. 1; zie ook Kamerstuk 36 045, nr. 1.";
        var reference = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");

        var spans = WordFootnotes.LinkSpans(text, [reference, reference]);

        Assert.Equal([0, 33], spans.Select(s => s.Start));
    }

    [Fact]
    public void LinkSpans_ReferencesOutOfTextOrder_ReturnsThemInTextOrder()
    {
        const string text = "Kamerstuk 36 045, nr. 1 en Kamerstuk 21 501-02, nr. 7.";
        var first = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");
        var second = Kamerstuk("21501-02", "7", "Kamerstuk 21 501-02, nr. 7", "1");

        var spans = WordFootnotes.LinkSpans(text, [second, first]);

        Assert.Equal([(0, "kst-36045-1"), (27, "kst-21501-02-7")], spans.Select(s => (s.Start, s.Reference.Id)));
    }

    [Fact]
    public void LinkSpans_OverlappingOrMissingText_IsSkipped()
    {
        const string text = "Kamerstuk 36 045, nr. 12.";
        var whole = Kamerstuk("36045", "12", "Kamerstuk 36 045, nr. 12", "1");
        var part = Kamerstuk("36045", "1", "Kamerstuk 36 045, nr. 1", "1");
        var absent = Kamerstuk("36045", "3", "Kamerstuk 36 045, nr. 3", "1");

        var spans = WordFootnotes.LinkSpans(text, [whole, part, absent]);

        Assert.Equal(["kst-36045-12"], spans.Select(s => s.Reference.Id));
    }
}
