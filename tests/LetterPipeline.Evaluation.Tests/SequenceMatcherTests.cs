
namespace LetterPipeline.Evaluation.Tests;

// Expected values are the examples in CPython's difflib documentation, with characters as the items.
public sealed class SequenceMatcherTests
{
    private static string[] Items(string s) => s.Select(c => c.ToString()).ToArray();

    [Fact]
    public void FindLongestMatch_TwoEquallyLongCandidates_TakesTheOneStartingFirstInA()
    {
        var matcher = new SequenceMatcher(Items(" abcd"), Items("abcd abcd"));

        Assert.Equal(new MatchingBlock(0, 4, 5), matcher.FindLongestMatch(0, 5, 0, 9));
    }

    [Fact]
    public void FindLongestMatch_NothingInCommon_ReturnsEmptyBlockAtTheStart()
    {
        var matcher = new SequenceMatcher(Items("ab"), Items("c"));

        Assert.Equal(new MatchingBlock(0, 0, 0), matcher.FindLongestMatch(0, 2, 0, 1));
    }

    [Fact]
    public void GetMatchingBlocks_OneInsertedItem_ReturnsBothSidesAndTheSentinel()
    {
        var matcher = new SequenceMatcher(Items("abxcd"), Items("abcd"));

        Assert.Equal([new(0, 0, 2), new(3, 2, 2), new(5, 4, 0)], matcher.GetMatchingBlocks());
    }

    [Fact]
    public void GetMatchingBlocks_SwappedWords_MatchesTheWordThatComesFirstInA()
    {
        // Either word is a longest common subsequence; difflib keeps "x" (earliest in a), not "y".
        var matcher = new SequenceMatcher(["x", "y"], ["y", "x"]);

        Assert.Equal([new(0, 1, 1), new(2, 2, 0)], matcher.GetMatchingBlocks());
    }

    [Fact]
    public void GetMatchingBlocks_GreedyFirstMatch_CountsFewerItemsThanTheLongestCommonSubsequence()
    {
        // "c a" is a common subsequence of length 2, but difflib first takes the tie-winning "a" (a[0], b[2])
        // and nothing is left on either side of it: word recall must count 1, as score.py does.
        var matcher = new SequenceMatcher(Items("aca"), Items("cba"));

        Assert.Equal([new(0, 2, 1), new(3, 3, 0)], matcher.GetMatchingBlocks());
    }

    [Fact]
    public void GetOpcodes_DocumentationExample_ReturnsDeleteEqualReplaceEqualInsert()
    {
        var matcher = new SequenceMatcher(Items("qabxcd"), Items("abycdf"));

        Assert.Equal(
            [
                new("delete", 0, 1, 0, 0),
                new("equal", 1, 3, 0, 2),
                new("replace", 3, 4, 2, 3),
                new("equal", 4, 6, 3, 5),
                new("insert", 6, 6, 5, 6),
            ],
            matcher.GetOpcodes());
    }

    [Fact]
    public void GetMatchingBlocks_EmptySequences_ReturnsOnlyTheSentinel()
    {
        Assert.Equal([new(0, 0, 0)], new SequenceMatcher([], []).GetMatchingBlocks());
        Assert.Equal([new(1, 0, 0)], new SequenceMatcher(["a"], []).GetMatchingBlocks());
    }
}
