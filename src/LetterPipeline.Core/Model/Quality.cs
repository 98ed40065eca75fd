namespace LetterPipeline.Core.Model;

/// <summary>How completely and how surely the letter was read: what share of the page text was placed, and what is doubtful.</summary>
/// <param name="Coverage">The share of the pages' non-space glyphs placed in the letter's content or in known <see cref="Letter.Furniture"/>, 0 to 1.</param>
/// <param name="Warnings">Everything that was not placed, or is doubtful, with its page and the first words concerned.</param>
/// <param name="Flags">One word per kind of doubt (<see cref="QualityFlags"/>), for filtering letters that need a look.</param>
/// <param name="TextSource">Where the text came from (<see cref="TextSources"/>).</param>
public sealed record Quality(double Coverage, IReadOnlyList<QualityWarning> Warnings, IReadOnlyList<string> Flags, string TextSource)
{
    /// <summary>What is known of a letter read without an account of its text (a JSON file written before there was one).</summary>
    public static Quality Unknown { get; } = new(1, [], [], TextSources.TextLayer);
}

/// <summary>A problem in a letter that did not stop its conversion.</summary>
/// <param name="Page">The page it concerns, from 1; 0 when it concerns the letter as a whole.</param>
/// <param name="Code">What kind of problem (<see cref="QualityFlags"/>).</param>
/// <param name="Message">What is wrong, in a sentence, quoting the first words concerned.</param>
public sealed record QualityWarning(int Page, string Code, string Message);

/// <summary>The flags and warning codes of <see cref="Quality"/>.</summary>
public static class QualityFlags
{
    /// <summary>Text on a page that went nowhere in the letter: neither content nor known furniture.</summary>
    public const string TextUnplaced = "text-unplaced";

    /// <summary>Lines beside the text column that read like running text (a second column) were set aside as furniture.</summary>
    public const string TextSetAside = "text-set-aside";

    /// <summary>A footnote marker in the text without a footnote of its number.</summary>
    public const string MarkerWithoutFootnote = "marker-without-footnote";

    /// <summary>A footnote no marker in the text cites.</summary>
    public const string FootnoteWithoutMarker = "footnote-without-marker";

    /// <summary>A citation read with doubt: a range too wide to expand, a vergaderjaar whose years do not follow each other.</summary>
    public const string CitationDoubtful = "citation-doubtful";

    /// <summary>The letterhead prints a field twice with different values, or a Datum that is not a date; the field is left empty.</summary>
    public const string LetterheadAmbiguous = "letterhead-ambiguous";

    /// <summary>No title was found.</summary>
    public const string NoTitle = "no-title";

    /// <summary>No date of the letter was found.</summary>
    public const string NoDate = "no-date";

    /// <summary>PdfPig could not read the file as it was; it was read after qpdf rebuilt its structure.</summary>
    public const string Repaired = "repaired";

    /// <summary>At least one page's text layer is not readable text (fonts without a Unicode map, letter soup).</summary>
    public const string GarbledText = "garbled-text";

    /// <summary>At least one page was read by OCR.</summary>
    public const string Ocr = "ocr";
}

/// <summary>The values of <see cref="Quality.TextSource"/>.</summary>
public static class TextSources
{
    /// <summary>Every page from the PDF's own text layer.</summary>
    public const string TextLayer = "text-layer";

    /// <summary>Every page read by OCR from its rendered image.</summary>
    public const string Ocr = "ocr";

    /// <summary>Some pages from the text layer, others by OCR.</summary>
    public const string Mixed = "mixed";
}
