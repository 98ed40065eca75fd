using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Parsing;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Repair;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LetterPipeline.Core;

/// <summary>A problem in a letter that did not stop its conversion.</summary>
public sealed record ParseWarning(int Page, string Message);

/// <summary>The letter read from a PDF, the problems that did not stop it, and how many pages were read by OCR.</summary>
public sealed record ParseResult(Letter Letter, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>Pages read by OCR rather than from the text layer.</summary>
    public int OcrPages { get; init; }
}

/// <summary>The pipeline, top to bottom: PDF bytes → positioned lines → classified blocks → Letter.</summary>
/// <param name="ocr">How pages without a usable text layer are read; default: by Tesseract when it is installed.</param>
public sealed class LetterParser(OcrOptions? ocr = null)
{
    private readonly OcrReader ocrReader = new(ocr ?? new OcrOptions());

    /// <param name="timings">Only when measuring (the bench): charges each stage's time and allocations.</param>
    /// <param name="cancellationToken">The document's time limit: the external tools (qpdf, OCR) are stopped when it fires.</param>
    public ParseResult Parse(byte[] pdf, string fileName, string sha256, StageTimings? timings = null, CancellationToken cancellationToken = default)
    {
        PdfInputGuard.Check(pdf);
        try
        {
            return Read(pdf, fileName, sha256, timings, [], cancellationToken);
        }
        catch (LetterFormatException failure) when (failure.Code == FailureCode.Corrupt)
        {
            return StructureRepair.Retry(pdf, failure, repaired => Read(repaired, fileName, sha256, timings, [QualityFlags.Repaired], cancellationToken),
                cancellationToken);
        }
    }

    private ParseResult Read(byte[] pdf, string fileName, string sha256, StageTimings? timings, IReadOnlyList<string> flags, CancellationToken cancellationToken)
    {
        using var document = Open(pdf);
        timings?.Lap(Stage.Parse);
        var text = PageSources.Choose(document, pdf, ReadPages(document, timings), ocrReader, cancellationToken);
        timings?.Lap(text.Flags.Contains(QualityFlags.Ocr) ? Stage.Ocr : Stage.Layout);
        var pages = text.Pages;
        if (pages.All(p => p.Lines.Count == 0))
        {
            var why = ocrReader.Unavailable is { } reason ? $"(a scan?), and {reason}" : "nor a scanned image OCR could read";
            throw new LetterFormatException(FailureCode.NoTextLayer, $"None of the {document.NumberOfPages} pages has a text layer {why}.", "layout");
        }

        var warnings = new List<ParseWarning>(text.Warnings);
        var style = BodyStyle.Measure(pages);
        var furniture = RunningFurnitureDetector.Detect(pages);
        var header = KamerstukIdentityParser.Parse(pages);
        var excluded = new HashSet<TextLine>(furniture, ReferenceEqualityComparer.Instance);
        excluded.UnionWith(header.HeaderLines);
        var sideColumn = new HashSet<TextLine>(SideColumn(pages, style), ReferenceEqualityComparer.Instance);
        excluded.UnionWith(sideColumn);

        var (footnoteBlocks, zone) = FootnoteZone.Extract(pages, excluded, style);
        excluded.UnionWith(zone);
        var body = pages.SelectMany(p => p.Lines).Where(l => !excluded.Contains(l)).ToList();
        var words = new Vocabulary(pages.SelectMany(p => p.Lines).Select(l => l.Text));

        var blocks = BlockBuilder.Build(body, style);
        var (title, sections) = SectionBuilder.Build(blocks, words);
        var footnoteTexts = footnoteBlocks.Select(f => JoinFootnote(f, words)).ToList();
        timings?.Lap(Stage.Structure);

        var footnotes = footnoteTexts.Select(f => f with { References = CitationParser.Parse(f.Text, f.Number) }).ToList();
        var references = DocumentReferences(sections, footnotes);
        timings?.Lap(Stage.Citations);

        WarnAboutMarkers(sections, footnotes, warnings);
        var date = header.Identity?.Date ?? LetterDateFinder.Find(pages, sideColumn);
        var letter = new Letter(new SourceInfo(fileName, sha256, document.NumberOfPages), title, header.Identity, date,
            sections, footnotes, references) { Quality = new LetterQuality([.. flags, .. text.Flags], text.Source) };
        return new ParseResult(letter, warnings) { OcrPages = text.OcrPages };
    }

    private static List<PageLines> ReadPages(PdfDocument document, StageTimings? timings)
    {
        var pages = new List<PageLines>(document.NumberOfPages);
        for (var i = 1; i <= document.NumberOfPages; i++)
        {
            try
            {
                var page = document.GetPage(i);
                timings?.Lap(Stage.Parse);
                pages.Add(LineBuilder.Build(page));
                timings?.Lap(Stage.Layout);
            }
            catch (Exception ex) when (PdfFailures.Map(ex, "layout") is { } failure)
            {
                throw new LetterFormatException(failure.Code, $"Page {i}: {failure.Message}", "layout", ex);
            }
        }

        return pages;
    }

    /// <summary>
    /// Lines outside the body's text column: the side column of a ministry letter (Datum, Kenmerk…) on the right,
    /// margin labels and the colophon of a Kamerstuk print on the left.
    /// </summary>
    private static IEnumerable<TextLine> SideColumn(IReadOnlyList<PageLines> pages, BodyStyle style) =>
        pages.SelectMany(p => p.Lines).Where(l => l.Left > style.Right + 3 || l.Right < style.Left - 3);

    /// <summary>The footnote's text; its references are read with the citations stage.</summary>
    private static Footnote JoinFootnote(FootnoteBlock block, Vocabulary words)
    {
        var (text, _) = LineJoiner.Join(block.Lines, words, skipFirstChars: block.LabelLength);
        return new Footnote(block.Number, text, block.Page, []);
    }

    private static void WarnAboutMarkers(IReadOnlyList<Section> sections, IReadOnlyList<Footnote> footnotes, List<ParseWarning> warnings)
    {
        var numbers = footnotes.Select(f => f.Number).ToHashSet(StringComparer.Ordinal);
        var cited = sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Markers).Select(m => m.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in cited.Except(numbers))
        {
            warnings.Add(new ParseWarning(0, $"Marker {missing} has no footnote text."));
        }

        foreach (var footnote in footnotes.Where(f => !cited.Contains(f.Number)))
        {
            warnings.Add(new ParseWarning(footnote.Page, $"Footnote {footnote.Number} has no marker in the text."));
        }
    }

    /// <summary>Every reference in reading order: body text first, each footnote's references after the paragraph citing it.</summary>
    private static List<Reference> DocumentReferences(IReadOnlyList<Section> sections, IReadOnlyList<Footnote> footnotes)
    {
        var byNumber = footnotes.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.First());
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<Reference>();
        foreach (var paragraph in sections.SelectMany(s => s.Paragraphs))
        {
            references.AddRange(CitationParser.Parse(paragraph.Text));
            foreach (var marker in paragraph.Markers)
            {
                if (byNumber.TryGetValue(marker.Number, out var footnote) && emitted.Add(marker.Number))
                {
                    references.AddRange(footnote.References);
                }
            }
        }

        references.AddRange(footnotes.Where(f => emitted.Add(f.Number)).SelectMany(f => f.References));
        return references;
    }

    private static PdfDocument Open(byte[] pdf)
    {
        // Junk before the header (PdfInputGuard allows some) is cut off, so PdfPig's byte offsets line up.
        var start = PdfInputGuard.HeaderOffset(pdf);
        try
        {
            return PdfDocument.Open(start > 0 ? pdf[start..] : pdf, new ParsingOptions { UseLenientParsing = true });
        }
        catch (Exception ex) when (PdfFailures.Map(ex, "open") is { } failure)
        {
            throw failure;
        }
    }
}
