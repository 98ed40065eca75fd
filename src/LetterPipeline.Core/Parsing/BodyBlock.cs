using LetterPipeline.Core.Layout;

namespace LetterPipeline.Core.Parsing;

internal enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
}

/// <summary>Consecutive body lines that form one heading, paragraph or list item.</summary>
internal sealed class BodyBlock(BlockKind kind, TextLine first)
{
    public BlockKind Kind { get; } = kind;

    public List<TextLine> Lines { get; } = [first];

    public TextLine First => Lines[0];

    public TextLine Last => Lines[^1];

    /// <summary>The typography that ranks headings: size in half points, bold, italic.</summary>
    public (double Size, bool Bold, bool Italic) Style => (Math.Round(First.FontSize * 2) / 2, First.Bold, First.Italic);
}
