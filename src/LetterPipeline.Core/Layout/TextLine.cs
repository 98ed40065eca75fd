namespace LetterPipeline.Core.Layout;

/// <summary>A footnote marker found in a line: raised, smaller digits; <see cref="Offset"/> indexes the line text.</summary>
internal sealed record LineMarker(string Number, int Offset);

/// <summary>One line of text on a page, in PDF points (origin bottom-left), with its typography.</summary>
internal sealed record TextLine(
    int Page,
    double Left,
    double Right,
    double Baseline,
    double FontSize,
    bool Bold,
    bool Italic,
    string Text,
    IReadOnlyList<LineMarker> Markers)
{
    /// <summary>True when the line begins with a raised number: a footnote label, not a marker in running text.</summary>
    public bool StartsWithRaisedNumber => Markers.Count > 0 && Markers[0].Offset == 0;

    /// <summary>True when a drawn rule runs under the whole line: the underline of a heading or a label (see <see cref="UnderlineDetector"/>).</summary>
    public bool Underlined { get; init; }
}

/// <summary>The lines of one page in reading order (top to bottom, left to right).</summary>
internal sealed record PageLines(int Number, double Width, double Height, IReadOnlyList<TextLine> Lines);
