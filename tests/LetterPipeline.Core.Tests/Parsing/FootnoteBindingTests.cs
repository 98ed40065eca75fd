using LetterPipeline.Core.Model;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Tests.Parsing;

public sealed class FootnoteBindingTests
{
    private static Footnote[] Notes(params string[] numbers) => numbers.Select(n => new Footnote(n, "Noot " + n, 1, [])).ToArray();

    private static IReadOnlyList<FootnoteMarker> Place(params string[] numbers) => numbers.Select((n, i) => new FootnoteMarker(n, i)).ToArray();

    [Fact]
    public void Bind_EachMarker_CitesTheFootnoteOfItsNumberNotTheNextInLine()
    {
        // Footnote 1 is cited from a heading that is not a place here: 2 and 3 must still cite 2 and 3.
        var result = FootnoteBinding.Bind(Notes("1", "2", "3"), [Place("2"), Place("3")]);

        Assert.Equal([1, 2], result.Cited.Select(c => c[0]!.Value));
        Assert.Equal([(0, 0)], result.Unreferenced);
    }

    [Fact]
    public void Bind_SecondSeriesRestartingAtOne_MarkerAfterHigherNumbersCitesTheSecondSeries()
    {
        var result = FootnoteBinding.Bind(Notes("1", "2", "3", "1"), [Place("1", "2"), Place("3"), Place("1", "1")]);

        Assert.Equal([0, 1], result.Cited[0]);
        Assert.Equal([2], result.Cited[1]);
        // The table cites its own footnote twice; Word can open a note from one place only.
        Assert.Equal([3, null], result.Cited[2]);
        Assert.Empty(result.Unreferenced);
    }

    [Fact]
    public void Bind_MarkerWithoutFootnote_CitesNothing()
    {
        var result = FootnoteBinding.Bind(Notes("1"), [Place("1", "4")]);

        Assert.Equal([0, null], result.Cited[0]);
    }

    [Fact]
    public void Bind_FootnoteWithoutMarker_GoesAfterThePlaceOfTheFootnoteBeforeIt()
    {
        var result = FootnoteBinding.Bind(Notes("1", "2", "3", "4"), [Place("1"), Place(), Place("2"), Place("4")]);

        Assert.Equal([(2, 2)], result.Unreferenced);
    }

    [Fact]
    public void Bind_FirstFootnoteWithoutMarker_GoesJustBeforeThePlaceCitingTheNext()
    {
        var result = FootnoteBinding.Bind(Notes("1", "2"), [Place(), Place(), Place("2")]);

        Assert.Equal([(0, 1)], result.Unreferenced);
    }

    [Fact]
    public void Bind_NoMarkersAtAll_FootnotesGoToTheLastPlaceOrNowhere()
    {
        Assert.Equal([(0, 1), (1, 1)], FootnoteBinding.Bind(Notes("1", "2"), [Place(), Place()]).Unreferenced);
        Assert.Equal([(0, -1)], FootnoteBinding.Bind(Notes("1"), []).Unreferenced);
    }
}
