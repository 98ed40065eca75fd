using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// Postal address blocks wherever they stand (a report's cover "Contact: / Ministerie van … / Parnassusplein 5 /
/// 2511 VX Den Haag", an address under a signature): a few short lines at one left edge, set close together, one of
/// them a postcode-and-place or Postbus line. They are not running text.
/// </summary>
internal static partial class AddressBlocks
{
    private const int MaxLines = 8;
    private const int MaxLineLength = 60;

    /// <summary>The next line of a block stands at most this many of its type sizes below the last.</summary>
    private const double LineReach = 1.8;

    /// <summary>The lines of every postal address block in <paramref name="pages"/>.</summary>
    public static HashSet<TextLine> Find(IReadOnlyList<PageLines> pages)
    {
        var found = new HashSet<TextLine>(ReferenceEqualityComparer.Instance);
        foreach (var page in pages)
        {
            foreach (var block in Blocks(page))
            {
                if (block.Count <= MaxLines && block.All(l => l.Text.Length <= MaxLineLength) && block.Any(l => PostalLine().IsMatch(l.Text))
                    && StandsAlone(block, page))
                {
                    found.UnionWith(block);
                }
            }
        }

        return found;
    }

    /// <summary>Runs of lines at one left edge, each within a line and a bit of the one above.</summary>
    private static List<List<TextLine>> Blocks(PageLines page)
    {
        var blocks = new List<List<TextLine>>();
        // Lines come top to bottom: a block whose last line stands further above than any line's reach takes no more.
        var reach = page.Lines.Count == 0 ? 0 : page.Lines.Max(l => l.FontSize) * LineReach;
        var open = new List<List<TextLine>>();
        foreach (var line in page.Lines.OrderByDescending(l => l.Baseline))
        {
            open.RemoveAll(b => b[^1].Baseline - line.Baseline > reach);
            var block = open.Find(b => Math.Abs(b[^1].Left - line.Left) < 3 && b[^1].Baseline > line.Baseline
                && b[^1].Baseline - line.Baseline <= Math.Max(b[^1].FontSize, line.FontSize) * LineReach);
            if (block is null)
            {
                blocks.Add([line]);
                open.Add(blocks[^1]);
            }
            else
            {
                block.Add(line);
            }
        }

        return blocks;
    }

    /// <summary>A block is only what stands alone: lines of the same run of text at another left edge break it up.</summary>
    private static bool StandsAlone(List<TextLine> block, PageLines page) =>
        !page.Lines.Any(other => !block.Contains(other) && other.Baseline < block[0].Baseline + 1 && other.Baseline > block[^1].Baseline - 1
            && other.Left < block[0].Left - 3 && other.Right > block[0].Left);

    // "2511 VX Den Haag", "2500 EA DEN HAAG", "Postbus 20018".
    [GeneratedRegex(@"^(?:Postbus\s+\d+(?:,?\s+\d{4}\s?[A-Z]{2}\b.*)?|\d{4}\s?[A-Z]{2}\s+[\p{Lu}'’][\p{L}'’ -]+)$")]
    private static partial Regex PostalLine();
}
