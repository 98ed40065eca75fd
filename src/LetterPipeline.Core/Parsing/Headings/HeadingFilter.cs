using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing.Headings;

/// <summary>
/// Second thoughts on the blocks <see cref="BlockBuilder"/> classified by typography alone.
/// <list type="bullet">
/// <item>Not headings, although emphasised: a signature ("De vicepresident van de Raad van State," and the name
/// below it), a URL, a barcode or a bare number, footnote text that escaped the footnote zone.</item>
/// <item>Labels that open a paragraph ("Reactie:", "Vraag 1", "Antwoord 2 en 3"), emphasised or not, join the
/// paragraph they open instead of heading a section of their own, so neither the label nor its paragraph is lost.</item>
/// <item>A line of its own that is a legal division ("Artikel 3", "Artikel 5, lid 4") is a heading even in body type,
/// as explanatory memoranda set them.</item>
/// </list>
/// </summary>
internal static partial class HeadingFilter
{
    /// <summary>The blocks with the corrections above applied; blocks it does not change are passed on as they are.</summary>
    public static IReadOnlyList<BodyBlock> Apply(IReadOnlyList<BodyBlock> blocks)
    {
        var result = new List<BodyBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var previous = result.Count > 0 ? result[^1] : null;
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (block.Lines.Count == 1 && RunInLabel.IsLabel(block.First.Text) && next is { Kind: BlockKind.Paragraph } && Adjacent(block, next))
            {
                var merged = Retyped(block, BlockKind.Paragraph);
                merged.Lines.AddRange(next.Lines);
                result.Add(merged);
                i++;
                continue;
            }

            if (block.Kind == BlockKind.Heading && IsNotAHeading(block, previous))
            {
                result.Add(Retyped(block, BlockKind.Paragraph));
            }
            else if (block.Kind == BlockKind.Paragraph && block.Lines.Count == 1 && NumberingScheme.IsLegalHeadingLine(block.First.Text)
                && (previous is null || previous.Kind == BlockKind.Heading || EndsSentence(previous.Last.Text)))
            {
                result.Add(Retyped(block, BlockKind.Heading));
            }
            else
            {
                result.Add(block);
            }
        }

        return result;
    }

    private static bool IsNotAHeading(BodyBlock block, BodyBlock? previous)
    {
        var text = string.Join(" ", block.Lines.Select(l => l.Text));
        return (block.Lines.Count == 1 && RunInLabel.IsLabel(block.First.Text))
            // A signature's function line: "De Minister van Financiën,"; a numbered heading may wrap after a comma.
            || block.Last.Text.EndsWith(',') || (NumberingScheme.Read(block.First.Text) is null && block.Lines.Any(l => l.Text.EndsWith(',')))
            || (previous is not null && previous.Last.Text.EndsWith(',') && block.Lines.All(l => PersonName().IsMatch(l.Text)))
            || WebAddress().IsMatch(text)
            || text.Count(char.IsLetter) < 2 || Barcode().IsMatch(text)
            || block.First.StartsWithRaisedNumber;
    }

    /// <summary>Same page, or the label ends one page and its paragraph opens the next.</summary>
    private static bool Adjacent(BodyBlock label, BodyBlock next) => next.First.Page - label.Last.Page is 0 or 1;

    private static BodyBlock Retyped(BodyBlock block, BlockKind kind)
    {
        var copy = new BodyBlock(kind, block.First);
        copy.Lines.AddRange(block.Lines.Skip(1));
        return copy;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':' or ';';

    // Initials and a surname: "Th. C. de Graaf", "M.A.M. Adriaansens".
    [GeneratedRegex(@"^(?:\p{Lu}\p{Ll}?\.\s?){1,5}(?:(?:van|de|der|den|het|ter|ten|te|in|'t)\s+)*\p{Lu}[\p{L}'’-]+$")]
    private static partial Regex PersonName();

    // Code 39 barcodes print their human-readable value between asterisks: "*0268226*".
    [GeneratedRegex(@"^\*[0-9A-Z\- .$/+%]+\*$")]
    private static partial Regex Barcode();

    // A web address set as a word of its own ("Zie https://…", "www.rijksoverheid.nl"): a link line, not a heading.
    [GeneratedRegex(@"(?:^|\s)(?:https?://|www\.)\S", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
