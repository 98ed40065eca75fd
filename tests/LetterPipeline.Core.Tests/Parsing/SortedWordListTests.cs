using System.IO.Compression;
using System.Text;
using LetterPipeline.Core.Parsing;

namespace LetterPipeline.Core.Tests.Parsing;

public sealed class SortedWordListTests
{
    private static readonly Lazy<string[]> ShippedLines = new(ReadShippedLines);
    private static readonly Lazy<SortedWordList> List = new(SortedWordList.LoadDutch);

    [Fact]
    public void LoadDutch_ShippedFile_IsSortedByUtf8BytesWithoutRepeats()
    {
        var lines = ShippedLines.Value;
        Assert.True(lines.Length > 400_000);
        for (var i = 1; i < lines.Length; i++)
        {
            var order = Encoding.UTF8.GetBytes(lines[i - 1]).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(lines[i]));
            Assert.True(order < 0, $"line {i + 1} '{lines[i]}' does not sort after '{lines[i - 1]}' (LC_ALL=C sort)");
        }

        Assert.Equal(lines.Count(l => l.Length > 0), List.Value.Count);
    }

    [Fact]
    public void Contains_EveryShippedWord_IsFound()
    {
        var missing = ShippedLines.Value.Where(w => w.Length > 0 && !List.Value.Contains(w)).Take(5).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Contains_VariantsOfShippedWords_AgreesWithAnOrdinalSet()
    {
        var set = new HashSet<string>(ShippedLines.Value.Where(l => l.Length > 0), StringComparer.Ordinal);
        var variants = ShippedLines.Value.Where((_, i) => i % 97 == 0)
            .SelectMany(w => new[] { w + "x", w.ToUpperInvariant(), w.Length > 1 ? w[..^1] : "", "a" + w, w + "-" });
        foreach (var variant in variants)
        {
            Assert.True(set.Contains(variant) == List.Value.Contains(variant), variant);
        }
    }

    [Theory]
    [InlineData("huis", true)]
    [InlineData("infrastructuur", true)]
    [InlineData("Huis", false)]
    [InlineData("", false)]
    [InlineData("huisx", false)]
    [InlineData("\ud800", false)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Contains_Word_MatchesTheOrdinalList(string word, bool expected) =>
        Assert.Equal(expected, List.Value.Contains(word));

    private static string[] ReadShippedLines()
    {
        using var resource = typeof(SortedWordList).Assembly.GetManifestResourceStream(SortedWordList.DutchResource)!;
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }
}
