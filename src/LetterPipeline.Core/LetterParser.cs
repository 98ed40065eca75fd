using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Guards;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;
using LetterPipeline.Core.Ocr;
using LetterPipeline.Core.Parsing;
using LetterPipeline.Core.Parsing.Headings;
using LetterPipeline.Core.Parsing.Questions;
using LetterPipeline.Core.Parsing.Identity;
using LetterPipeline.Core.Reading;
using LetterPipeline.Core.Repair;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LetterPipeline.Core;

/// <summary>The pipeline, top to bottom: PDF bytes → positioned lines → classified blocks → Letter. Used through <see cref="LetterPdf"/>.</summary>
internal sealed class LetterParser
{
    /// <param name="pdf">The PDF's bytes.</param>
    /// <param name="fileName">Recorded as the letter's source file.</param>
    /// <param name="sha256">Recorded as the letter's source hash.</param>
    /// <param name="timings">Only when measuring (the bench): charges each stage's time and allocations.</param>
    /// <param name="limits">How far compressed streams may inflate; <see cref="PdfInputLimits.Default"/> when null.</param>
    /// <param name="ocr">How pages without a usable text layer are read; by Tesseract when it is installed when null.</param>
    /// <param name="cancellationToken">The document's time limit: the external tools (qpdf, OCR) are stopped when it fires.</param>
    public ParseResult Parse(byte[] pdf, string fileName, string sha256, StageTimings? timings = null, PdfInputLimits? limits = null,
        OcrOptions? ocr = null, CancellationToken cancellationToken = default)
    {
        PdfInputGuard.Check(pdf, limits);
        var ocrReader = new OcrReader(ocr ?? new OcrOptions());
        try
        {
            return Read(pdf, fileName, sha256, timings, [], ocrReader, cancellationToken);
        }
        catch (LetterFormatException failure) when (failure.Code == FailureCode.Corrupt)
        {
            return StructureRepair.Retry(pdf, failure,
                repaired => Read(repaired, fileName, sha256, timings, [QualityFlags.Repaired], ocrReader, cancellationToken), limits, cancellationToken);
        }
    }

    private static ParseResult Read(byte[] pdf, string fileName, string sha256, StageTimings? timings, IReadOnlyList<string> flags,
        OcrReader ocrReader, CancellationToken cancellationToken)
    {
        using var document = Open(pdf);
        timings?.Lap(Stage.Parse);
        var text = PageSources.Choose(document, pdf, ReadPages(document, timings), ocrReader, cancellationToken);
        timings?.Lap(text.Flags.Contains(QualityFlags.Ocr) ? Stage.Ocr : Stage.Layout);
        IReadOnlyList<PageLines> pages = text.Pages;
        if (pages.All(p => p.Lines.Count == 0))
        {
            var why = ocrReader.Unavailable is { } reason ? $"(a scan?), and {reason}" : "nor a scanned image OCR could read";
            throw new LetterFormatException(FailureCode.NoTextLayer, $"None of the {document.NumberOfPages} pages has a text layer {why}.", "layout");
        }

        var warnings = new List<ParseWarning>(text.Warnings);
        var style = BodyStyle.Measure(pages);
        pages = MarginLabels.Attach(pages, style);
        var words = new Vocabulary(pages.SelectMany(p => p.Lines).Select(l => l.Text));
        var furniture = RunningFurnitureDetector.Detect(pages, style);
        var head = DocumentHeadReader.Read(pages, style, words);
        var excluded = new HashSet<TextLine>(furniture, ReferenceEqualityComparer.Instance);
        excluded.UnionWith(head.Lines);
        excluded.UnionWith(AanhangselMasthead.Find(pages));
        // Before the side column is set aside: a contents entry's page number stands in the right margin.
        excluded.UnionWith(TableOfContents.Find(pages.SelectMany(p => p.Lines).Where(l => !excluded.Contains(l)).ToList(), pages.Count));
        excluded.UnionWith(SideColumn(pages, style));

        var (footnoteBlocks, zone) = FootnoteZone.Extract(pages, excluded, style);
        excluded.UnionWith(zone);
        var body = pages.SelectMany(p => p.Lines).Where(l => !excluded.Contains(l)).ToList();

        var blocks = HeadingFilter.Apply(BlockBuilder.Build(body, style));
        var (printedTitle, printedSections) = SectionBuilder.Build(blocks, words);
        var (title, sections) = TitleRules.Choose(head, printedTitle, printedSections);
        var questions = QuestionAnswerParser.Parse(blocks, words);
        var footnoteTexts = footnoteBlocks.Select(f => JoinFootnote(f, words)).ToList();
        timings?.Lap(Stage.Structure);

        var footnotes = footnoteTexts.Select(f => f with { References = Cited(f.Text, f.Number, f.Page, warnings) }).ToList();
        var references = DocumentReferences(sections, footnotes, warnings);
        timings?.Lap(Stage.Citations);

        WarnAboutMarkers(sections, footnotes, warnings);
        warnings.AddRange(head.Warnings);
        var letter = new Letter(new SourceInfo(fileName, sha256, document.NumberOfPages), title, head.Kamerstuk.Identity,
            DateRules.Choose(head, pages), sections, footnotes, references,
            head.Kind, PublicationIdResolver.Resolve(head, pages), head.Kind == LetterKind.Letter ? head.Letterhead.Fields : null)
        {
            Questions = questions,
            Quality = new LetterQuality([.. flags, .. text.Flags], text.Source),
        };
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
                pages.Add(UnderlineDetector.Mark(page, LineBuilder.Build(page)));
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
    private static List<Reference> DocumentReferences(IReadOnlyList<Section> sections, IReadOnlyList<Footnote> footnotes, List<ParseWarning> warnings)
    {
        var byNumber = footnotes.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.First());
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<Reference>();
        foreach (var paragraph in sections.SelectMany(s => s.Paragraphs))
        {
            references.AddRange(Cited(paragraph.Text, null, 0, warnings));
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

    /// <summary>The references in a footnote (its number given) or a body paragraph; what the citation reader did not trust becomes a warning.</summary>
    private static IReadOnlyList<Reference> Cited(string text, string? footnote, int page, List<ParseWarning> warnings)
    {
        var problems = new List<string>();
        var references = CitationParser.Parse(text, footnote, problems);
        warnings.AddRange(problems.Select(p => new ParseWarning(page, footnote is null ? $"Body text: {p}" : $"Footnote {footnote}: {p}")));
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
