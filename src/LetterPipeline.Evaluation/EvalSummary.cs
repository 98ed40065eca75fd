namespace LetterPipeline.Evaluation;

/// <summary>The corpus-level quality figures of score.py; ratios are rounded half-even to 4 decimals, 1.0 when nothing was expected.</summary>
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
    double KamerstukMetaAcc)
{
    /// <summary>Builds the figures from the per-document counts summed over the corpus.</summary>
    public static EvalSummary FromTotals(IReadOnlyDictionary<string, long> tot)
    {
        long T(string key) => tot.GetValueOrDefault(key);
        static double R(long a, long b) => b != 0 ? PyFloat.Round((double)a / b, 4) : 1.0;

        return new EvalSummary(
            T("docs"),
            T("missing"),
            R(T("title_ok"), T("docs")),
            R(T("head_match"), T("head_gold")),
            R(T("head_match"), T("head_out")),
            R(T("head_level_ok"), T("head_gold")),
            R(T("words_matched"), T("words_gold")),
            R(T("words_matched"), T("words_matched") + T("words_extra")),
            R(T("para_exact"), T("para_gold")),
            T("leaks"),
            R(T("fn_exact"), T("fn_gold")),
            T("fn_out") - T("fn_gold"),
            R(T("link_ok"), T("link_gold")),
            R(T("ref_tp"), T("ref_gold")),
            R(T("ref_tp"), T("ref_out")),
            R(T("date_ok"), T("date_gold")),
            R(T("kst_ok"), T("kst_gold")));
    }

    /// <summary>The figures under score.py's keys, in its order: longs for counts, doubles for ratios.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> ToPairs() =>
    [
        new("docs", Docs),
        new("missing", Missing),
        new("title_acc", TitleAcc),
        new("heading_recall", HeadingRecall),
        new("heading_precision", HeadingPrecision),
        new("heading_level_acc", HeadingLevelAcc),
        new("word_recall", WordRecall),
        new("word_precision", WordPrecision),
        new("paragraph_exact", ParagraphExact),
        new("leaks", Leaks),
        new("footnote_exact", FootnoteExact),
        new("footnote_count_diff", FootnoteCountDiff),
        new("marker_link_acc", MarkerLinkAcc),
        new("ref_recall", RefRecall),
        new("ref_precision", RefPrecision),
        new("ref_date_acc", RefDateAcc),
        new("kamerstuk_meta_acc", KamerstukMetaAcc),
    ];
}
