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

        var style = BodyStyle.Measure(pages);
        // A table of contents stands in columns too (number, entry, page) but is no table: found first on whole lines.
        var contentsRows = TableOfContents.Find(pages.SelectMany(p => p.Lines).ToList(), pages.Count);
        (pages, var tables) = TableDetector.Detect(pages, style, contentsRows);
        pages = MarginLabels.Attach(pages, style);
        var words = new Vocabulary(pages.SelectMany(p => p.Lines).Select(l => l.Text));
        var furniture = RunningFurnitureDetector.Detect(pages, style);
        var head = DocumentHeadReader.Read(pages, style, words);
        var masthead = AanhangselMasthead.Find(pages);
        var excluded = new HashSet<TextLine>(furniture, ReferenceEqualityComparer.Instance);
        excluded.UnionWith(head.Lines);
        excluded.UnionWith(masthead);
        // Before the side column is set aside: a contents entry's page number stands in the right margin.
        var contents = TableOfContents.Find(pages.SelectMany(p => p.Lines).Where(l => !excluded.Contains(l)).ToList(), pages.Count);
        excluded.UnionWith(contents);
        var sideColumn = new HashSet<TextLine>(SideColumn(pages, style), ReferenceEqualityComparer.Instance);
        excluded.UnionWith(sideColumn);

        // A table low on a page, in small type, is no footnote.
        var notFootnotes = tables.Count == 0 ? excluded : new HashSet<TextLine>(excluded.Concat(tables.SelectMany(t => t.Lines)), ReferenceEqualityComparer.Instance);
        var (footnoteBlocks, zone) = FootnoteZone.Extract(pages, notFootnotes, style);
        excluded.UnionWith(zone);
        var (acrossText, acrossAside) = AcrossText.Split(pages);
        var body = pages.SelectMany(p => p.Lines.Where(l => !excluded.Contains(l)).Concat(acrossText[p.Number])).ToList();

        var blocks = HeadingFilter.Apply(BlockBuilder.Build(body, style));
        var (printedTitle, printedSections) = SectionBuilder.Build(blocks, words);
        var (title, sections) = TitleRules.Choose(head, printedTitle, printedSections);
        (var titleMarkers, sections) = HeadingMarkers.Attach(blocks, title, sections, words);
        sections = TableParagraphs.Attach(sections, tables, words);
        sections = ParagraphStyles.Attach(blocks, sections, words);
        var questions = QuestionAnswerParser.Parse(blocks, words);
        var footnoteTexts = footnoteBlocks.Select(f => JoinFootnote(f, words)).ToList();
        timings?.Lap(Stage.Structure);

        var doubts = new List<QualityWarning>(text.Warnings);
        var footnotes = footnoteTexts.Select(f => f with { References = Cited(f.Text, f.Number, f.Page, doubts) }).ToList();
        var references = DocumentReferences(titleMarkers, sections, footnotes, doubts);
        timings?.Lap(Stage.Citations);

        doubts.AddRange(head.Warnings.Select(w => new QualityWarning(w.Page, QualityFlags.LetterheadAmbiguous, w.Message)));
        var letter = new Letter(new SourceInfo(fileName, sha256, document.NumberOfPages), title, head.Kamerstuk.Identity,
            DateRules.Choose(head, pages), sections, footnotes, references,
            head.Kind, PublicationIdResolver.Resolve(head, pages), head.Kind == LetterKind.Letter ? head.Letterhead.Fields : null)
        {
            Questions = questions,
            TitleMarkers = titleMarkers,
        };

        var setAside = new SetAsideLines();
        setAside.Add(furniture, l => RunningFurnitureDetector.KindOf(l, pages[l.Page - 1]));
        setAside.Add(head.Lines, FurnitureKinds.Letterhead);
        setAside.Add(masthead, FurnitureKinds.Letterhead);
        setAside.Add(contents, FurnitureKinds.Contents);
        setAside.Add(sideColumn, l => l.Left > style.Right ? FurnitureKinds.SideColumn : FurnitureKinds.MarginLabel);
        setAside.Add(acrossAside, FurnitureKinds.Rotated);
        var content = new HashSet<TextLine>(body, ReferenceEqualityComparer.Instance);
        content.UnionWith(zone);
        var account = TextAccounting.Account(pages, content, setAside);
        letter = letter with { Furniture = account.Furniture, Quality = QualityAssessor.Assess(letter, account, doubts, new TextReading([.. flags, .. text.Flags], text.Source)) };
        return new ParseResult(letter, letter.Quality.Warnings.Select(w => new ParseWarning(w.Page, w.Message) { Code = w.Code }).ToArray())
        {
            OcrPages = text.OcrPages,
        };
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
                pages.Add(UnderlineDetector.Mark(page, ColumnReadingOrder.Apply(LineBuilder.Build(page))));
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
    /// margin labels and the colophon of a Kamerstuk print on the left. A page read column by column has no side column,
    /// and a table's cells are not one.
    /// </summary>
    private static IEnumerable<TextLine> SideColumn(IReadOnlyList<PageLines> pages, BodyStyle style) =>
        pages.SelectMany(p => p.Lines).Where(l => l.Region == 0 && l.Table == 0 && (l.Left > style.Right + 3 || l.Right < style.Left - 3));

    /// <summary>The footnote's text; its references are read with the citations stage.</summary>
    private static Footnote JoinFootnote(FootnoteBlock block, Vocabulary words)
    {
        var (text, _) = LineJoiner.Join(block.Lines, words, skipFirstChars: block.LabelLength);
        return new Footnote(block.Number, text, block.Page, []);
    }

    /// <summary>
    /// Every reference in reading order: body text first, each footnote's references after the paragraph (or the
    /// title or heading) citing it.
    /// </summary>
    private static List<Reference> DocumentReferences(IReadOnlyList<FootnoteMarker> titleMarkers, IReadOnlyList<Section> sections,
        IReadOnlyList<Footnote> footnotes, List<QualityWarning> doubts)
    {
        var byNumber = footnotes.GroupBy(f => f.Number).ToDictionary(g => g.Key, g => g.First());
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var references = new List<Reference>();
        void Cite(IEnumerable<FootnoteMarker> markers)
        {
            foreach (var marker in markers)
            {
                if (byNumber.TryGetValue(marker.Number, out var footnote) && emitted.Add(marker.Number))
                {
                    references.AddRange(footnote.References);
                }
            }
        }

        Cite(titleMarkers);
        foreach (var section in sections)
        {
            Cite(section.HeadingMarkers);
            foreach (var paragraph in section.Paragraphs)
            {
                references.AddRange(Cited(paragraph.Text, null, 0, doubts));
                Cite(paragraph.Markers);
            }
        }

        references.AddRange(footnotes.Where(f => emitted.Add(f.Number)).SelectMany(f => f.References));
        return references;
    }

    /// <summary>The references in a footnote (its number given) or a body paragraph; what the citation reader did not trust becomes a warning.</summary>
    private static IReadOnlyList<Reference> Cited(string text, string? footnote, int page, List<QualityWarning> doubts)
    {
        var problems = new List<string>();
        var references = CitationParser.Parse(text, footnote, problems);
        doubts.AddRange(problems.Select(p => new QualityWarning(page, QualityFlags.CitationDoubtful, footnote is null ? $"Body text: {p}" : $"Footnote {footnote}: {p}")));
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
