namespace LetterPipeline.Evaluation;

/// <summary>
/// score_real.py's figures for a folder of real documents: a field's ratio over the documents whose gold states it,
/// rounded to 4 decimals; null (and not printed) when no gold states it.
/// </summary>
public sealed record RealSummary(
    long Docs,
    double? Converted,
    double? TitleAcc,
    double? DateAcc,
    double? SubjectAcc,
    double? ReferenceAcc,
    double? DossierTitleAcc,
    double? DocumentKindAcc,
    double? HeadingRecall,
    double? HeadingPrecision,
    double? HeadingLevelAcc,
    long Leaks,
    double? FootnoteExact,
    long FootnoteCountDiff,
    double? MarkerLinkAcc,
    double? RefRecall,
    double? RefPrecision) : IFigures
{
    internal static RealSummary Of(IReadOnlyList<RealCounts> documents)
    {
        long Sum(Func<RealCounts, int?> count) => documents.Sum(d => (long)(count(d) ?? 0));
        double? Accuracy(Func<RealCounts, Tally?> field) => Ratio.Of(Sum(d => field(d)?.Hits), Sum(d => field(d)?.Total));

        return new RealSummary(
            documents.Count,
            Ratio.Of(Sum(d => d.Converted ? 1 : 0), documents.Count),
            Accuracy(d => d.Title),
            Accuracy(d => d.Date),
            Accuracy(d => d.Subject),
            Accuracy(d => d.Reference),
            Accuracy(d => d.DossierTitle),
            Accuracy(d => d.DocumentKind),
            Ratio.Of(Sum(d => d.Headings?.Matched), Sum(d => d.Headings?.Gold)),
            Ratio.Of(Sum(d => d.Headings?.Matched), Sum(d => d.Headings?.Out)),
            Ratio.Of(Sum(d => d.Headings?.LevelOk), Sum(d => d.Headings?.Gold)),
            Sum(d => d.Leaks),
            Ratio.Of(Sum(d => d.Footnotes.Exact), Sum(d => d.Footnotes.Gold)),
            Sum(d => d.Footnotes.Out) - Sum(d => d.Footnotes.Gold),
            Ratio.Of(Sum(d => d.Links.Hits), Sum(d => d.Links.Total)),
            Ratio.Of(Sum(d => d.References.Found), Sum(d => d.References.Gold)),
            Ratio.Of(Sum(d => d.References.Found), Sum(d => d.References.Out)));
    }

    /// <summary>The figures under score_real.py's names, in its order; those no gold states are left out.</summary>
    public IReadOnlyList<Figure> Figures =>
    [
        Figure.Count("docs", Docs),
        .. Ratios(("converted", Converted), ("title_acc", TitleAcc), ("date_acc", DateAcc), ("subject_acc", SubjectAcc),
            ("reference_acc", ReferenceAcc), ("dossier_title_acc", DossierTitleAcc), ("document_kind_acc", DocumentKindAcc),
            ("heading_recall", HeadingRecall), ("heading_precision", HeadingPrecision), ("heading_level_acc", HeadingLevelAcc)),
        Figure.Count("leaks", Leaks),
        .. Ratios(("footnote_exact", FootnoteExact)),
        Figure.Count("footnote_count_diff", FootnoteCountDiff),
        .. Ratios(("marker_link_acc", MarkerLinkAcc), ("ref_recall", RefRecall), ("ref_precision", RefPrecision)),
    ];

    private static IEnumerable<Figure> Ratios(params (string Name, double? Value)[] ratios) =>
        ratios.Where(r => r.Value is not null).Select(r => Figure.Of(r.Name, r.Value!.Value));
}
