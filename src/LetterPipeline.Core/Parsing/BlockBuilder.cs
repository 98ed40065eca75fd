using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Parsing.Headings;

namespace LetterPipeline.Core.Parsing;

/// <summary>
/// Groups body lines into headings, paragraphs and list items by typography and vertical spacing.
/// A paragraph continues over a page break unless its last line closes a sentence and the next one opens one.
/// </summary>
internal static class BlockBuilder
{
    private static readonly string[] Bullets = ["•", "▪", "●", "◦", "■", "–", "-", "·", "\uF0B7", "\uF0A7"];

    public static IReadOnlyList<BodyBlock> Build(IEnumerable<TextLine> bodyLines, BodyStyle style) =>
        Build(bodyLines, style, BlockBuilderOptions.Default);

    public static IReadOnlyList<BodyBlock> Build(IEnumerable<TextLine> bodyLines, BodyStyle style, BlockBuilderOptions options)
    {
        var blocks = new List<BodyBlock>();
        BodyBlock? current = null;
        foreach (var line in bodyLines)
        {
            // A table's lines, already in reading order, are one block whatever their typography.
            if (line.Table != 0)
            {
                if (current is not null && current.First.Table == line.Table)
                {
                    current.Lines.Add(line);
                }
                else
                {
                    current = new BodyBlock(BlockKind.Paragraph, line);
                    blocks.Add(current);
                }

                continue;
            }

            var kind = Classify(line, style, options);
            if (current is not null && current.First.Table == 0 && Continues(current, line, kind, style, options))
            {
                current.Lines.Add(line);
                continue;
            }

            current = new BodyBlock(kind, line);
            blocks.Add(current);
        }

        return MergeDemoted(blocks, style, options);
    }

    /// <summary>
    /// Emphasis in running text is not a heading: a body-size bold or italic block of three or more lines,
    /// or one that reads like a sentence, becomes a paragraph and rejoins the paragraphs it touches.
    /// </summary>
    private static List<BodyBlock> MergeDemoted(List<BodyBlock> blocks, BodyStyle style, BlockBuilderOptions options)
    {
        var merged = new List<BodyBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var demote = block.Kind == BlockKind.Heading && !style.IsLargerThanBody(block.First)
                && (ReadsLikeText(block, options) || InsideRunningText(block, i > 0 ? blocks[i - 1] : null, i + 1 < blocks.Count ? blocks[i + 1] : null, style, options));
            var kind = demote ? BlockKind.Paragraph : block.Kind;
            if (merged.Count > 0 && kind == BlockKind.Paragraph && merged[^1].Kind == BlockKind.Paragraph && block.First.Table == 0 && merged[^1].First.Table == 0
                && (demote || IsDemoted(merged[^1], style)) && Continues(merged[^1], block.First, kind, style, options))
            {
                merged[^1].Lines.AddRange(block.Lines);
                continue;
            }

            if (demote)
            {
                var paragraph = new BodyBlock(BlockKind.Paragraph, block.First);
                paragraph.Lines.AddRange(block.Lines.Skip(1));
                merged.Add(paragraph);
            }
            else
            {
                merged.Add(block);
            }
        }

        return merged;
    }

    /// <summary>A heading has space above it; emphasis set flush against running text, or running on in lower case, is text.</summary>
    private static bool InsideRunningText(BodyBlock block, BodyBlock? previous, BodyBlock? next, BodyStyle style, BlockBuilderOptions options)
    {
        var flushAbove = previous is { Kind: not BlockKind.Heading } && previous.Last.Page == block.First.Page
            && previous.Last.Baseline - block.First.Baseline <= style.LinePitch * options.LineGapPitches && !EndsSentence(previous.Last.Text);
        var runsOn = next is { Kind: BlockKind.Paragraph } && next.First.Page == block.Last.Page
            && block.Last.Baseline - next.First.Baseline <= style.LinePitch * options.LineGapPitches && StartsLowercase(next.First.Text);
        return flushAbove || runsOn;
    }

    private static bool IsDemoted(BodyBlock block, BodyStyle style) => block.Lines.Any(l => (l.Bold || l.Italic) && !style.IsLargerThanBody(l));

    private static bool ReadsLikeText(BodyBlock block, BlockBuilderOptions options)
    {
        if (HeadingWrap.IsWrappedNumberedHeading(block))
        {
            return false;
        }

        var last = block.Last.Text;
        return block.Lines.Count >= options.TextBlockMinLines || block.Lines.Sum(l => l.Text.Length) > options.TextBlockMinLength
            || (last.Length > 0 && last[^1] is '.' or ',' or ';' or '-') || block.Lines.Any(l => l.Markers.Count > 0 && l.Text.Length > options.TextLineWithMarkerMinLength);
    }

    public static bool IsBullet(string text) =>
        Bullets.Any(b => text.StartsWith(b, StringComparison.Ordinal) && (b is not ("-" or "–") || (text.Length > 1 && text[1] == ' ')));

    public static string StripBullet(string text)
    {
        foreach (var bullet in Bullets)
        {
            if (text.StartsWith(bullet, StringComparison.Ordinal))
            {
                return text[bullet.Length..].TrimStart();
            }
        }

        return text;
    }

    private static BlockKind Classify(TextLine line, BodyStyle style, BlockBuilderOptions options)
    {
        if (IsBullet(line.Text))
        {
            return BlockKind.ListItem;
        }

        var emphasised = line.Bold || line.Italic || line.Underlined || style.IsLargerThanBody(line);
        return emphasised && !style.IsSmallerThanBody(line) && line.Text.Length <= options.MaxHeadingLineLength ? BlockKind.Heading : BlockKind.Paragraph;
    }

    private static bool Continues(BodyBlock block, TextLine line, BlockKind kind, BodyStyle style, BlockBuilderOptions options)
    {
        var previous = block.Last;
        if (line.Page != previous.Page || line.Region != previous.Region)
        {
            return kind == BlockKind.Paragraph && block.Kind is BlockKind.Paragraph or BlockKind.ListItem
                && (!EndsSentence(previous.Text) || StartsLowercase(line.Text));
        }

        var gap = previous.Baseline - line.Baseline;
        return block.Kind switch
        {
            BlockKind.Heading => kind == BlockKind.Heading && block.Style == (Math.Round(line.FontSize * 2) / 2, line.Bold, line.Italic)
                && HeadingWrap.Continues(previous, line, style, options),
            BlockKind.Paragraph => kind == BlockKind.Paragraph && gap <= style.LinePitch * options.LineGapPitches && !StartsNewParagraph(previous, line, style, options),
            BlockKind.ListItem => kind == BlockKind.Paragraph && gap <= style.LinePitch * options.LineGapPitches && line.Left > block.First.Left + options.ListContinuationIndent,
            _ => false,
        };
    }

    /// <summary>
    /// Without extra space between paragraphs, a paragraph still ends where a sentence ends on a line that stops well
    /// short of the text column (justified text fills its lines), or where the next line is indented.
    /// </summary>
    private static bool StartsNewParagraph(TextLine previous, TextLine line, BodyStyle style, BlockBuilderOptions options)
    {
        if (!EndsSentence(previous.Text) || previous.Text[^1] is ';' || StartsLowercase(line.Text))
        {
            return false;
        }

        var (left, right) = previous.Region == 0 ? (style.Left, style.Right) : (previous.RegionLeft, previous.RegionRight);
        var column = right - left;
        var shortLine = column > 0 && previous.Right < right - (column * options.ShortLineShare);
        var indented = line.Left > previous.Left + line.FontSize && Math.Abs(previous.Left - left) < options.ColumnEdgeTolerance;
        return shortLine || indented;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':' or ';';

    private static bool StartsLowercase(string text) => text.Length > 0 && char.IsLower(text[0]);
}
