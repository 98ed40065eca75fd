using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>The house style: one sober sans-serif letter style, Dutch (nl-NL) throughout.</summary>
internal static class WordStyles
{
    public const string Title = "Title";

    /// <summary>The identity block's rows at the top of page 1.</summary>
    public const string Identity = "LetterIdentity";

    public const string Normal = "Normal";
    public const string ListParagraph = "ListParagraph";
    public const string FootnoteText = "FootnoteText";
    public const string FootnoteReference = "FootnoteReference";
    public const string Hyperlink = "Hyperlink";
    public const string QuestionLabel = "QuestionLabel";

    /// <summary>The deepest heading style written; deeper levels (a bill's sixth division and below) share it.</summary>
    public const int DeepestHeading = 6;

    // Arial is on every Word installation; LibreOffice substitutes the metric-compatible Liberation Sans,
    // so lines and page breaks fall in the same places in both.
    private const string Font = "Arial";
    private const string Language = "nl-NL";

    /// <summary>The style id of the heading of <paramref name="level"/>; levels deeper than <see cref="DeepestHeading"/> share the deepest.</summary>
    public static string Heading(int level) => $"Heading{Math.Clamp(level, 1, DeepestHeading)}";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                FontSize = new FontSize { Val = "20" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "20" },
                Languages = new Languages { Val = Language, EastAsia = Language, Bidi = Language },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto },
            })),
        Paragraph(Normal, "Normal", basedOn: null, primary: true, new StyleParagraphProperties(), new StyleRunProperties()),
        Paragraph(Identity, "Letter Identity", Normal, primary: true,
            new StyleParagraphProperties
            {
                // One rule under the block: Word and LibreOffice draw the border once around consecutive
                // paragraphs whose borders are the same.
                ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 4U, Color = "808080" }),
                ContextualSpacing = new ContextualSpacing(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "240", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            },
            new StyleRunProperties { Color = new Color { Val = "404040" }, FontSize = new FontSize { Val = "17" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "17" } }),
        Paragraph(Title, "Title", Normal, primary: true,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "360" },
            },
            new StyleRunProperties { Bold = new Bold(), FontSize = new FontSize { Val = "32" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "32" } }),
        HeadingStyle(1, sizeHalfPoints: 26, before: 360, italic: false),
        HeadingStyle(2, sizeHalfPoints: 22, before: 240, italic: false),
        HeadingStyle(3, sizeHalfPoints: 20, before: 240, italic: true),
        HeadingStyle(4, sizeHalfPoints: 20, before: 200, italic: false),
        HeadingStyle(5, sizeHalfPoints: 20, before: 200, italic: true),
        HeadingStyle(6, sizeHalfPoints: 20, before: 200, italic: false),
        Paragraph(ListParagraph, "List Paragraph", Normal, primary: true,
            new StyleParagraphProperties
            {
                // Items of one list sit together (contextual spacing drops the space between paragraphs of the
                // same style); the last item keeps Normal's space after, so the list stands apart from the text.
                ContextualSpacing = new ContextualSpacing(),
                Indentation = new Indentation { Left = "360", Hanging = "360" },
            },
            new StyleRunProperties()),
        Paragraph(FootnoteText, "footnote text", Normal, primary: false,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            },
            new StyleRunProperties { FontSize = new FontSize { Val = "16" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "16" } }),
        Character(FootnoteReference, "footnote reference",
            new StyleRunProperties { VerticalTextAlignment = new VerticalTextAlignment { Val = VerticalPositionValues.Superscript } }),
        Character(Hyperlink, "Hyperlink",
            new StyleRunProperties { Color = new Color { Val = "1F4E79" }, Underline = new Underline { Val = UnderlineValues.Single } }),
        // "Vraag 1" / "Antwoord 1" opening a paragraph of written questions: a label, not a heading.
        Character(QuestionLabel, "Question Label", new StyleRunProperties { Bold = new Bold() }));

    private static Style HeadingStyle(int level, int sizeHalfPoints, int before, bool italic) =>
        Paragraph(Heading(level), $"heading {level}", Normal, primary: true,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" },
                // The outline level is what makes Word's navigation pane and LibreOffice's navigator see a heading.
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            },
            new StyleRunProperties
            {
                Bold = new Bold(),
                Italic = italic ? new Italic() : null,
                FontSize = new FontSize { Val = sizeHalfPoints.ToString(CultureInfo.InvariantCulture) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = sizeHalfPoints.ToString(CultureInfo.InvariantCulture) },
            });

    private static Style Paragraph(string id, string name, string? basedOn, bool primary, StyleParagraphProperties paragraph, StyleRunProperties run) =>
        new()
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
            Default = id == Normal ? true : null,
            StyleName = new StyleName { Val = name },
            BasedOn = basedOn is null ? null : new BasedOn { Val = basedOn },
            NextParagraphStyle = new NextParagraphStyle { Val = Normal },
            PrimaryStyle = primary ? new PrimaryStyle() : null,
            StyleParagraphProperties = paragraph,
            StyleRunProperties = run,
        };

    private static Style Character(string id, string name, StyleRunProperties run) =>
        new()
        {
            Type = StyleValues.Character,
            StyleId = id,
            StyleName = new StyleName { Val = name },
            StyleRunProperties = run,
        };
}
