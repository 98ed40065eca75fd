namespace LetterPipeline.Evaluation;

/// <summary>
/// score.py's figures for a folder: counts summed over its documents, each ratio rounded to 4 decimals, and 1.0
/// where nothing was expected (no gold heading, no Kamerstuk, …).
/// </summary>
public sealed record EvalSummary(
    long Docs,
    long Missing,
    double TitleAcc,
    double HeadingRecall,
    double HeadingPrecision,
    double HeadingLevelAcc,
    double WordRecall,
    double WordPrecision,
    double ParagraphExact,
    long Leaks,
    double FootnoteExact,
    long FootnoteCountDiff,
    double MarkerLinkAcc,
    double RefRecall,
    double RefPrecision,
    double RefDateAcc,
    double KamerstukMetaAcc) : IFigures
{
    internal static EvalSummary Of(IReadOnlyList<LetterCounts> documents)
    {
        long Sum(Func<LetterCounts, int?> count) => documents.Sum(d => (long)(count(d) ?? 0));
        static double R(long hits, long total) => Ratio.Of(hits, total) ?? 1.0;

        var matchedWords = Sum(d => d.Words?.Matched);
        return new EvalSummary(
            documents.Count,
            Sum(d => d.Missing ? 1 : 0),
            R(Sum(d => d.TitleOk), documents.Count),
            R(Sum(d => d.Headings?.Matched), Sum(d => d.Headings?.Gold)),
            R(Sum(d => d.Headings?.Matched), Sum(d => d.Headings?.Out)),
            R(Sum(d => d.Headings?.LevelOk), Sum(d => d.Headings?.Gold)),
            R(matchedWords, Sum(d => d.Words?.Gold)),
            R(matchedWords, matchedWords + Sum(d => d.Words?.Extra)),
            R(Sum(d => d.Paragraphs?.Hits), Sum(d => d.Paragraphs?.Total)),
            Sum(d => d.Leaks),
            R(Sum(d => d.Footnotes.Exact), Sum(d => d.Footnotes.Gold)),
            Sum(d => d.Footnotes.Out) - Sum(d => d.Footnotes.Gold),
            R(Sum(d => d.Links.Hits), Sum(d => d.Links.Total)),
            R(Sum(d => d.References.Found), Sum(d => d.References.Gold)),
            R(Sum(d => d.References.Found), Sum(d => d.References.Out)),
            R(Sum(d => d.ReferenceDates?.Hits), Sum(d => d.ReferenceDates?.Total)),
            R(Sum(d => d.Kamerstuk?.Hits), Sum(d => d.Kamerstuk?.Total)));
    }

    /// <summary>The figures under score.py's names, in its order.</summary>
    public IReadOnlyList<Figure> Figures =>
    [
        Figure.Count("docs", Docs),
        Figure.Count("missing", Missing),
        Figure.Of("title_acc", TitleAcc),
        Figure.Of("heading_recall", HeadingRecall),
        Figure.Of("heading_precision", HeadingPrecision),
        Figure.Of("heading_level_acc", HeadingLevelAcc),
        Figure.Of("word_recall", WordRecall),
        Figure.Of("word_precision", WordPrecision),
        Figure.Of("paragraph_exact", ParagraphExact),
        Figure.Count("leaks", Leaks),
        Figure.Of("footnote_exact", FootnoteExact),
        Figure.Count("footnote_count_diff", FootnoteCountDiff),
        Figure.Of("marker_link_acc", MarkerLinkAcc),
        Figure.Of("ref_recall", RefRecall),
        Figure.Of("ref_precision", RefPrecision),
        Figure.Of("ref_date_acc", RefDateAcc),
        Figure.Of("kamerstuk_meta_acc", KamerstukMetaAcc),
    ];
}
