namespace LetterPipeline.Core;

/// <summary>
/// The version of what a PDF converts to. Bump it in the change that alters any output (extraction, citations,
/// writers): the worker's ledger then converts every letter again. Unrelated changes keep it, so a deployment
/// does not reconvert an archive of hundreds of thousands of letters for nothing.
/// </summary>
public static class ConverterVersion
{
    // 1.1: glyphs at equal positions keep their content-stream order, zero-width format characters are dropped;
    // the .docx is zipped at the fastest level.
    // 1.2: heading levels from numbering and typography (legal divisions, appendices, underlines), wrapped headings,
    // labels and tables of contents; questions and answers of Aanhangsels; "Vraag N" labels in their own Word style;
    // kind, publicationId, letterhead, kamerstuk.dossierTitle/documentKind; titles and dates by document kind;
    // letterhead, address and table-of-contents lines out of the body; a side column in smaller type parts from the text.
    // 1.3: a file PdfPig refuses is rebuilt with qpdf and read; the JSON's quality object (flags, textSource);
    // a footnote set at body size is known by its raised label; spaces from each line's own glyph spacing;
    // garbled text layers scored, scanned and garbled pages read by OCR.
    // 1.4 (built beside 1.3): markers in the title and headings are kept; Word binds each reference to the footnote of
    // its number; furniture and quality (coverage, warnings, flags) in the JSON; text set across the page is read;
    // pages in text columns are read column by column; tables, bold and italic stretches; web addresses linked in Word.
    /// <summary>The version of this build's output.</summary>
    public const string Current = "1.4";
}
